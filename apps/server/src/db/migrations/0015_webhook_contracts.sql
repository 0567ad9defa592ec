-- A webhook endpoint may be limited to some contracts (null: every contract of its organisation).
ALTER TABLE "webhook_endpoints" ADD COLUMN "contract_ids" jsonb;