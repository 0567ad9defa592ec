CREATE SEQUENCE "public"."assets_num_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1000 CACHE 1;--> statement-breakpoint
CREATE TABLE "asset_freezes" (
	"asset_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"holder_type" text NOT NULL,
	"holder_id" text NOT NULL,
	"holder_label" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "asset_freezes_asset_id_holder_type_holder_id_pk" PRIMARY KEY("asset_id","holder_type","holder_id")
);
--> statement-breakpoint
CREATE TABLE "asset_import_chunks" (
	"import_id" text NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "asset_import_chunks_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
CREATE TABLE "asset_import_spill" (
	"import_id" text NOT NULL,
	"depth" integer NOT NULL,
	"idx" integer NOT NULL,
	"row" jsonb NOT NULL,
	CONSTRAINT "asset_import_spill_import_id_depth_idx_pk" PRIMARY KEY("import_id","depth","idx")
);
--> statement-breakpoint
CREATE TABLE "asset_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"created_by" text,
	"format" text NOT NULL,
	"filename" text,
	"state" text NOT NULL,
	"phase" text,
	"bytes_total" bigint DEFAULT 0 NOT NULL,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_applied" integer DEFAULT 0 NOT NULL,
	"rows_total" integer,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"moved" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	CONSTRAINT "asset_imports_state_ck" CHECK ("asset_imports"."state" in ('queued','validating','applying','succeeded','failed'))
);
--> statement-breakpoint
CREATE TABLE "asset_rollup" (
	"owner_id" text NOT NULL,
	"path" "ltree" NOT NULL,
	"parent_path" "ltree" NOT NULL,
	"shared_type" text NOT NULL,
	"n" integer NOT NULL,
	CONSTRAINT "asset_rollup_owner_id_path_shared_type_pk" PRIMARY KEY("owner_id","path","shared_type")
);
--> statement-breakpoint
CREATE TABLE "asset_served_sites" (
	"asset_id" text NOT NULL,
	"site_id" text NOT NULL,
	"owner_id" text NOT NULL,
	CONSTRAINT "asset_served_sites_asset_id_site_id_pk" PRIMARY KEY("asset_id","site_id")
);
--> statement-breakpoint
CREATE TABLE "assets" (
	"id" text PRIMARY KEY NOT NULL,
	"num" bigint NOT NULL,
	"owner_id" text NOT NULL,
	"parent_id" text,
	"path" "ltree" NOT NULL,
	"kind" text NOT NULL,
	"equipment_kind" text,
	"premises_kind" text,
	"shared_type" text NOT NULL,
	"reference" text NOT NULL,
	"label" text NOT NULL,
	"address" text,
	"postcode" text,
	"commune_code" text,
	"year_built" integer,
	"brand" text,
	"serial_number" text,
	"commissioning_date" text,
	"search_text" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "assets_kind_ck" CHECK ("assets"."kind" in ('site','building','entrance','floor','unit','premises','common_area','equipment')),
	CONSTRAINT "assets_equipment_kind_ck" CHECK (("assets"."kind" = 'equipment') = ("assets"."equipment_kind" IS NOT NULL)),
	CONSTRAINT "assets_root_ck" CHECK ("assets"."parent_id" IS NOT NULL OR ("assets"."kind" in ('site','building') AND "assets"."commune_code" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "contract_invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"role" text NOT NULL,
	"organization_id" text NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"opened_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"created_by" text NOT NULL,
	CONSTRAINT "contract_invitations_role_ck" CHECK ("contract_invitations"."role" in ('provider','thirdParty'))
);
--> statement-breakpoint
CREATE TABLE "contract_parties" (
	"project_id" text NOT NULL,
	"role" text NOT NULL,
	"organization_id" text NOT NULL,
	"reference" text,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"is_live" boolean DEFAULT true NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_parties_project_id_role_pk" PRIMARY KEY("project_id","role"),
	CONSTRAINT "contract_parties_role_ck" CHECK ("contract_parties"."role" in ('owner','provider','thirdParty'))
);
--> statement-breakpoint
CREATE TABLE "contract_projects" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_id" text NOT NULL,
	"label" text NOT NULL,
	"description" text,
	"tags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"trade_id" text,
	"perimeter" jsonb,
	"shared_types" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"state" text NOT NULL,
	"state_entered_at" timestamp with time zone NOT NULL,
	"state_entered_by" text NOT NULL,
	"validation_attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"cancel_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"frozen_terms" jsonb,
	"activated_at" timestamp with time zone,
	"search_text" text DEFAULT '' NOT NULL,
	"created_by_user_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_projects_state_ck" CHECK ("contract_projects"."state" in ('draft','awaiting_parties','ready_to_validate','validating','active','cancelled')),
	CONSTRAINT "contract_projects_version_ck" CHECK ("contract_projects"."version" >= 1),
	CONSTRAINT "contract_projects_cancel_ck" CHECK (("contract_projects"."state" = 'cancelled') = ("contract_projects"."cancel_reason" is not null)),
	CONSTRAINT "contract_projects_active_ck" CHECK (("contract_projects"."state" = 'active') = ("contract_projects"."frozen_terms" is not null))
);
--> statement-breakpoint
CREATE TABLE "contract_state_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"project_id" text NOT NULL,
	"state" text NOT NULL,
	"entered_at" timestamp with time zone NOT NULL,
	"entered_by" text NOT NULL,
	"reason" text
);
--> statement-breakpoint
CREATE TABLE "trade_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"requested_by_user_id" text,
	"requested_by" text NOT NULL,
	"label" text NOT NULL,
	"comment" text,
	"project_id" text,
	"status" text DEFAULT 'open' NOT NULL,
	"trade_id" text,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "trade_requests_status_ck" CHECK ("trade_requests"."status" in ('open','added','rejected'))
);
--> statement-breakpoint
ALTER TABLE "asset_freezes" ADD CONSTRAINT "asset_freezes_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_import_chunks" ADD CONSTRAINT "asset_import_chunks_import_id_asset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."asset_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_import_spill" ADD CONSTRAINT "asset_import_spill_import_id_asset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."asset_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_imports" ADD CONSTRAINT "asset_imports_owner_id_organizations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_served_sites" ADD CONSTRAINT "asset_served_sites_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_served_sites" ADD CONSTRAINT "asset_served_sites_site_id_assets_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_owner_id_organizations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_invitations" ADD CONSTRAINT "contract_invitations_project_id_contract_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."contract_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_invitations" ADD CONSTRAINT "contract_invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_parties" ADD CONSTRAINT "contract_parties_project_id_contract_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."contract_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_parties" ADD CONSTRAINT "contract_parties_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_projects" ADD CONSTRAINT "contract_projects_owner_id_organizations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_projects" ADD CONSTRAINT "contract_projects_trade_id_trades_id_fk" FOREIGN KEY ("trade_id") REFERENCES "public"."trades"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_projects" ADD CONSTRAINT "contract_projects_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_state_events" ADD CONSTRAINT "contract_state_events_project_id_contract_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."contract_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_requests" ADD CONSTRAINT "trade_requests_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_requests" ADD CONSTRAINT "trade_requests_requested_by_user_id_users_id_fk" FOREIGN KEY ("requested_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_requests" ADD CONSTRAINT "trade_requests_project_id_contract_projects_id_fk" FOREIGN KEY ("project_id") REFERENCES "public"."contract_projects"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "trade_requests" ADD CONSTRAINT "trade_requests_trade_id_trades_id_fk" FOREIGN KEY ("trade_id") REFERENCES "public"."trades"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "asset_freezes_holder_idx" ON "asset_freezes" USING btree ("holder_id");--> statement-breakpoint
CREATE INDEX "asset_imports_owner_idx" ON "asset_imports" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "asset_rollup_parent_idx" ON "asset_rollup" USING btree ("owner_id","parent_path");--> statement-breakpoint
CREATE INDEX "asset_rollup_path_gist" ON "asset_rollup" USING gist ("path");--> statement-breakpoint
CREATE INDEX "asset_served_sites_owner_idx" ON "asset_served_sites" USING btree ("owner_id","site_id");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_owner_reference_uq" ON "assets" USING btree ("owner_id","reference");--> statement-breakpoint
CREATE UNIQUE INDEX "assets_num_uq" ON "assets" USING btree ("num");--> statement-breakpoint
CREATE INDEX "assets_path_gist" ON "assets" USING gist ("path");--> statement-breakpoint
CREATE INDEX "assets_owner_path_idx" ON "assets" USING btree ("owner_id","path");--> statement-breakpoint
CREATE INDEX "assets_parent_idx" ON "assets" USING btree ("parent_id","label");--> statement-breakpoint
CREATE INDEX "assets_roots_idx" ON "assets" USING btree ("owner_id","commune_code","label") WHERE "assets"."parent_id" IS NULL;--> statement-breakpoint
CREATE INDEX "assets_search_trgm" ON "assets" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "contract_invitations_token_uq" ON "contract_invitations" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_invitations_current_uq" ON "contract_invitations" USING btree ("project_id","role") WHERE "contract_invitations"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "contract_invitations_project_idx" ON "contract_invitations" USING btree ("project_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_parties_org_uq" ON "contract_parties" USING btree ("project_id","organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contract_parties_reference_uq" ON "contract_parties" USING btree ("organization_id",lower("reference")) WHERE "contract_parties"."reference" is not null and "contract_parties"."is_live";--> statement-breakpoint
CREATE INDEX "contract_parties_org_idx" ON "contract_parties" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "contract_projects_owner_idx" ON "contract_projects" USING btree ("owner_id","created_at");--> statement-breakpoint
CREATE INDEX "contract_projects_state_idx" ON "contract_projects" USING btree ("state");--> statement-breakpoint
CREATE INDEX "contract_projects_search_trgm" ON "contract_projects" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contract_state_events_project_idx" ON "contract_state_events" USING btree ("project_id","id");--> statement-breakpoint
CREATE INDEX "trade_requests_status_idx" ON "trade_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "trade_requests_org_idx" ON "trade_requests" USING btree ("organization_id","created_at");