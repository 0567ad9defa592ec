-- Every API key expires. Keys made before this migration get a year from their creation, and at
-- least 90 days from the upgrade (a connector is never cut off by the upgrade itself). Their
-- organisation's admins are e-mailed once when a key is about to expire (expiry_notice_at).
ALTER TABLE "api_keys" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
UPDATE "api_keys" SET "expires_at" = greatest("created_at" + interval '365 days', now() + interval '90 days');--> statement-breakpoint
ALTER TABLE "api_keys" ALTER COLUMN "expires_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "expiry_notice_at" timestamp with time zone;
