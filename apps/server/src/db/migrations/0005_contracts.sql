CREATE TABLE "contract_frozen_nodes" (
	"contract_id" text NOT NULL,
	"owner_id" text NOT NULL,
	"asset_id" text NOT NULL,
	CONSTRAINT "contract_frozen_nodes_contract_id_asset_id_pk" PRIMARY KEY("contract_id","asset_id")
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
ALTER TABLE "contract_frozen_nodes" ADD CONSTRAINT "contract_frozen_nodes_contract_id_contract_projects_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "contract_frozen_nodes_owner_idx" ON "contract_frozen_nodes" USING btree ("owner_id","asset_id");--> statement-breakpoint
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