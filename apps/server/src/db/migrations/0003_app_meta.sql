CREATE TABLE "app_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
DROP INDEX "organizations_name_idx";--> statement-breakpoint
CREATE INDEX "organizations_sort_idx" ON "organizations" USING btree ("search_text","id");