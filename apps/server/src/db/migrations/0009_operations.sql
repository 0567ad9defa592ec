CREATE TABLE "contract_connectors" (
	"contract_id" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"state_entered_at" timestamp with time zone NOT NULL,
	"first_data_at" timestamp with time zone NOT NULL,
	"last_data_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contract_connectors_state_ck" CHECK ("contract_connectors"."state" in ('active','silent'))
);
--> statement-breakpoint
CREATE TABLE "operation_daily_counts" (
	"contract_id" text NOT NULL,
	"day" date NOT NULL,
	"outcome" text NOT NULL,
	"code" text DEFAULT '' NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "operation_daily_counts_contract_id_day_outcome_code_pk" PRIMARY KEY("contract_id","day","outcome","code"),
	CONSTRAINT "operation_daily_counts_outcome_ck" CHECK ("operation_daily_counts"."outcome" in ('accepted','refused'))
);
--> statement-breakpoint
CREATE TABLE "operation_logs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"operation_id" text NOT NULL,
	"contract_id" text NOT NULL,
	"sender_org_id" text NOT NULL,
	"dedup_key" text NOT NULL,
	"operation_type" text NOT NULL,
	"status" text NOT NULL,
	"event" text NOT NULL,
	"event_date" timestamp with time zone NOT NULL,
	"log_date" timestamp with time zone NOT NULL,
	"work_type" text NOT NULL,
	"asset_id" text NOT NULL,
	"asset_reference" text NOT NULL,
	"service_code" text NOT NULL,
	"owner_service_code" text,
	"service_code_status" text DEFAULT 'unchecked' NOT NULL,
	"critical_level" text,
	"visit_attempt" integer,
	"equipment_working_order" text,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"origin" text,
	"description" text,
	"via" text NOT NULL,
	"received_by" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	CONSTRAINT "operation_logs_via_ck" CHECK ("operation_logs"."via" in ('api','csv'))
);
--> statement-breakpoint
CREATE TABLE "operations" (
	"id" text PRIMARY KEY NOT NULL,
	"contract_id" text NOT NULL,
	"sender_org_id" text NOT NULL,
	"reference" text NOT NULL,
	"operation_type" text NOT NULL,
	"status" text NOT NULL,
	"event" text NOT NULL,
	"work_type" text NOT NULL,
	"asset_id" text NOT NULL,
	"asset_reference" text NOT NULL,
	"service_code" text NOT NULL,
	"status_event_at" timestamp with time zone NOT NULL,
	"status_log_at" timestamp with time zone NOT NULL,
	"first_event_at" timestamp with time zone NOT NULL,
	"last_event_at" timestamp with time zone NOT NULL,
	"log_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "operations_type_ck" CHECK ("operations"."operation_type" in ('intervention','quotation','reservation')),
	CONSTRAINT "operations_work_type_ck" CHECK ("operations"."work_type" in ('preventive','corrective'))
);
--> statement-breakpoint
ALTER TABLE "contract_connectors" ADD CONSTRAINT "contract_connectors_contract_id_contract_projects_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_daily_counts" ADD CONSTRAINT "operation_daily_counts_contract_id_contract_projects_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operation_logs" ADD CONSTRAINT "operation_logs_operation_id_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."operations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_contract_id_contract_projects_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract_projects"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "operations" ADD CONSTRAINT "operations_sender_org_id_organizations_id_fk" FOREIGN KEY ("sender_org_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_connectors_silence_idx" ON "contract_connectors" USING btree ("last_data_at") WHERE "contract_connectors"."state" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "operation_logs_dedup_uq" ON "operation_logs" USING btree ("contract_id","dedup_key");--> statement-breakpoint
CREATE INDEX "operation_logs_operation_idx" ON "operation_logs" USING btree ("operation_id","event_date","id");--> statement-breakpoint
CREATE UNIQUE INDEX "operations_key_uq" ON "operations" USING btree ("contract_id","sender_org_id","reference");--> statement-breakpoint
CREATE INDEX "operations_list_idx" ON "operations" USING btree ("contract_id","last_event_at","id");--> statement-breakpoint
CREATE INDEX "operations_sender_idx" ON "operations" USING btree ("contract_id","sender_org_id","last_event_at","id");