CREATE TABLE "service_code_alignments" (
	"contract_id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"phase" text DEFAULT 'open' NOT NULL,
	"phase_entered_at" timestamp with time zone,
	"submitted_by" text,
	"return_comment" text,
	"integrated" jsonb,
	"integrated_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_code_alignments_phase_ck" CHECK ("service_code_alignments"."phase" in ('open','submitted','integrated')),
	CONSTRAINT "service_code_alignments_version_ck" CHECK ("service_code_alignments"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "service_code_dismissals" (
	"contract_id" text NOT NULL,
	"owner_key" text NOT NULL,
	"provider_key" text NOT NULL,
	"dismissed_by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_code_dismissals_contract_id_owner_key_provider_key_pk" PRIMARY KEY("contract_id","owner_key","provider_key")
);
--> statement-breakpoint
CREATE TABLE "service_code_pairs" (
	"id" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"owner_code" text NOT NULL,
	"provider_code" text,
	"relation" text NOT NULL,
	"comment" text,
	"status" text NOT NULL,
	"proposed_by" text NOT NULL,
	"response_comment" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_code_pairs_status_ck" CHECK ("service_code_pairs"."status" in ('proposed','accepted','rejected')),
	CONSTRAINT "service_code_pairs_relation_ck" CHECK ("service_code_pairs"."relation" in ('equivalent','narrower','broader','no_match')),
	CONSTRAINT "service_code_pairs_no_match_ck" CHECK (("service_code_pairs"."relation" = 'no_match') = ("service_code_pairs"."provider_code" is null)),
	CONSTRAINT "service_code_pairs_by_ck" CHECK ("service_code_pairs"."proposed_by" in ('owner','provider'))
);
--> statement-breakpoint
CREATE TABLE "service_code_versions" (
	"contract_id" text NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"actor_label" text NOT NULL,
	"actor_organization_id" text,
	"pairs" jsonb NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_code_versions_contract_id_version_pk" PRIMARY KEY("contract_id","version")
);
--> statement-breakpoint
CREATE TABLE "service_codes" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"trade_id" text NOT NULL,
	"code" text NOT NULL,
	"label" text NOT NULL,
	"work_type" text,
	"description" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "service_codes_work_type_ck" CHECK ("service_codes"."work_type" is null or "service_codes"."work_type" in ('preventive','corrective'))
);
--> statement-breakpoint
ALTER TABLE "service_code_alignments" ADD CONSTRAINT "service_code_alignments_contract_id_contract_projects_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_code_dismissals" ADD CONSTRAINT "service_code_dismissals_contract_id_contract_projects_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_code_pairs" ADD CONSTRAINT "service_code_pairs_contract_id_service_code_alignments_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."service_code_alignments"("contract_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_code_versions" ADD CONSTRAINT "service_code_versions_contract_id_service_code_alignments_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."service_code_alignments"("contract_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_codes" ADD CONSTRAINT "service_codes_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_codes" ADD CONSTRAINT "service_codes_trade_id_trades_id_fk" FOREIGN KEY ("trade_id") REFERENCES "public"."trades"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "service_code_alignments_phase_idx" ON "service_code_alignments" USING btree ("phase");--> statement-breakpoint
CREATE UNIQUE INDEX "service_code_pairs_uq" ON "service_code_pairs" USING btree ("contract_id",lower("owner_code"),lower(coalesce("provider_code", '')));--> statement-breakpoint
CREATE UNIQUE INDEX "service_codes_code_uq" ON "service_codes" USING btree ("organization_id","trade_id",lower("code"));