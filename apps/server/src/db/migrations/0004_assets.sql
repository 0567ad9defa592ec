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
ALTER TABLE "asset_freezes" ADD CONSTRAINT "asset_freezes_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_import_chunks" ADD CONSTRAINT "asset_import_chunks_import_id_asset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."asset_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_import_spill" ADD CONSTRAINT "asset_import_spill_import_id_asset_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."asset_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_imports" ADD CONSTRAINT "asset_imports_owner_id_organizations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_served_sites" ADD CONSTRAINT "asset_served_sites_asset_id_assets_id_fk" FOREIGN KEY ("asset_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "asset_served_sites" ADD CONSTRAINT "asset_served_sites_site_id_assets_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_owner_id_organizations_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assets" ADD CONSTRAINT "assets_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."assets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
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
CREATE INDEX "assets_search_trgm" ON "assets" USING gin ("search_text" gin_trgm_ops);