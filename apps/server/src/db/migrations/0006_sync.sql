CREATE TABLE "contract_assets" (
	"contract_id" text NOT NULL,
	"asset_id" text NOT NULL,
	"reference" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"parent_id" text,
	"path" text NOT NULL,
	CONSTRAINT "contract_assets_contract_id_asset_id_pk" PRIMARY KEY("contract_id","asset_id")
);
--> statement-breakpoint
CREATE TABLE "contract_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"kind" text NOT NULL,
	"asset_id" text NOT NULL,
	"reference" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"parent_id" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_changes_kind_ck" CHECK ("contract_changes"."kind" in ('added','updated','removed'))
);
--> statement-breakpoint
CREATE TABLE "contract_syncs" (
	"contract_id" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"cursor" text,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_syncs_state_ck" CHECK ("contract_syncs"."state" in ('pending','running','done','stopped'))
);
--> statement-breakpoint
ALTER TABLE "contract_assets" ADD CONSTRAINT "contract_assets_contract_id_contract_projects_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_changes" ADD CONSTRAINT "contract_changes_contract_id_contract_projects_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_syncs" ADD CONSTRAINT "contract_syncs_contract_id_contract_projects_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_changes_feed_idx" ON "contract_changes" USING btree ("contract_id","id");