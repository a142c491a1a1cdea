import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_stories_workflow_state" AS ENUM('draft', 'in_review', 'changes_requested', 'scheduled', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum__stories_v_version_workflow_state" AS ENUM('draft', 'in_review', 'changes_requested', 'scheduled', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum_members_workflow_state" AS ENUM('draft', 'in_review', 'changes_requested', 'scheduled', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum__members_v_version_workflow_state" AS ENUM('draft', 'in_review', 'changes_requested', 'scheduled', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum_workflow_events_transition" AS ENUM('submit', 'request_changes', 'approve', 'reject', 'archive', 'restore', 'unschedule', 'publish_scheduled');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'workflowPublishScheduled', 'workflowNotify');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'workflowPublishScheduled', 'workflowNotify');
  CREATE TABLE "workflow_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"collection" varchar NOT NULL,
  	"document" varchar NOT NULL,
  	"organisation" varchar,
  	"transition" "enum_workflow_events_transition" NOT NULL,
  	"from" varchar NOT NULL,
  	"to" varchar NOT NULL,
  	"user_id" integer,
  	"comment" varchar,
  	"version" varchar,
  	"at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "stories" ADD COLUMN "workflow_state" "enum_stories_workflow_state" DEFAULT 'draft';
  ALTER TABLE "stories" ADD COLUMN "workflow_submitted_by_id" integer;
  ALTER TABLE "stories" ADD COLUMN "workflow_publish_at" timestamp(3) with time zone;
  ALTER TABLE "_stories_v" ADD COLUMN "version_workflow_state" "enum__stories_v_version_workflow_state" DEFAULT 'draft';
  ALTER TABLE "_stories_v" ADD COLUMN "version_workflow_submitted_by_id" integer;
  ALTER TABLE "_stories_v" ADD COLUMN "version_workflow_publish_at" timestamp(3) with time zone;
  ALTER TABLE "members" ADD COLUMN "workflow_state" "enum_members_workflow_state" DEFAULT 'draft';
  ALTER TABLE "members" ADD COLUMN "workflow_submitted_by_id" integer;
  ALTER TABLE "members" ADD COLUMN "workflow_publish_at" timestamp(3) with time zone;
  ALTER TABLE "_members_v" ADD COLUMN "version_workflow_state" "enum__members_v_version_workflow_state" DEFAULT 'draft';
  ALTER TABLE "_members_v" ADD COLUMN "version_workflow_submitted_by_id" integer;
  ALTER TABLE "_members_v" ADD COLUMN "version_workflow_publish_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "workflow_events_id" integer;
  ALTER TABLE "workflow_events" ADD CONSTRAINT "workflow_events_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "workflow_events_key_idx" ON "workflow_events" USING btree ("key");
  CREATE INDEX "workflow_events_collection_idx" ON "workflow_events" USING btree ("collection");
  CREATE INDEX "workflow_events_document_idx" ON "workflow_events" USING btree ("document");
  CREATE INDEX "workflow_events_organisation_idx" ON "workflow_events" USING btree ("organisation");
  CREATE INDEX "workflow_events_user_idx" ON "workflow_events" USING btree ("user_id");
  CREATE INDEX "workflow_events_at_idx" ON "workflow_events" USING btree ("at");
  CREATE INDEX "workflow_events_updated_at_idx" ON "workflow_events" USING btree ("updated_at");
  CREATE INDEX "workflow_events_created_at_idx" ON "workflow_events" USING btree ("created_at");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  ALTER TABLE "stories" ADD CONSTRAINT "stories_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_stories_v" ADD CONSTRAINT "_stories_v_version_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "members" ADD CONSTRAINT "members_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_members_v" ADD CONSTRAINT "_members_v_version_workflow_submitted_by_id_users_id_fk" FOREIGN KEY ("version_workflow_submitted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_workflow_events_fk" FOREIGN KEY ("workflow_events_id") REFERENCES "public"."workflow_events"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "stories_workflow_workflow_state_idx" ON "stories" USING btree ("workflow_state");
  CREATE INDEX "stories_workflow_workflow_submitted_by_idx" ON "stories" USING btree ("workflow_submitted_by_id");
  CREATE INDEX "_stories_v_version_workflow_version_workflow_state_idx" ON "_stories_v" USING btree ("version_workflow_state");
  CREATE INDEX "_stories_v_version_workflow_version_workflow_submitted_b_idx" ON "_stories_v" USING btree ("version_workflow_submitted_by_id");
  CREATE INDEX "members_workflow_workflow_state_idx" ON "members" USING btree ("workflow_state");
  CREATE INDEX "members_workflow_workflow_submitted_by_idx" ON "members" USING btree ("workflow_submitted_by_id");
  CREATE INDEX "_members_v_version_workflow_version_workflow_state_idx" ON "_members_v" USING btree ("version_workflow_state");
  CREATE INDEX "_members_v_version_workflow_version_workflow_submitted_b_idx" ON "_members_v" USING btree ("version_workflow_submitted_by_id");
  CREATE INDEX "payload_locked_documents_rels_workflow_events_id_idx" ON "payload_locked_documents_rels" USING btree ("workflow_events_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "workflow_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_log" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "workflow_events" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  ALTER TABLE "stories" DROP CONSTRAINT "stories_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "_stories_v" DROP CONSTRAINT "_stories_v_version_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "members" DROP CONSTRAINT "members_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "_members_v" DROP CONSTRAINT "_members_v_version_workflow_submitted_by_id_users_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_workflow_events_fk";
  
  DROP INDEX "stories_workflow_workflow_state_idx";
  DROP INDEX "stories_workflow_workflow_submitted_by_idx";
  DROP INDEX "_stories_v_version_workflow_version_workflow_state_idx";
  DROP INDEX "_stories_v_version_workflow_version_workflow_submitted_b_idx";
  DROP INDEX "members_workflow_workflow_state_idx";
  DROP INDEX "members_workflow_workflow_submitted_by_idx";
  DROP INDEX "_members_v_version_workflow_version_workflow_state_idx";
  DROP INDEX "_members_v_version_workflow_version_workflow_submitted_b_idx";
  DROP INDEX "payload_locked_documents_rels_workflow_events_id_idx";
  ALTER TABLE "stories" DROP COLUMN "workflow_state";
  ALTER TABLE "stories" DROP COLUMN "workflow_submitted_by_id";
  ALTER TABLE "stories" DROP COLUMN "workflow_publish_at";
  ALTER TABLE "_stories_v" DROP COLUMN "version_workflow_state";
  ALTER TABLE "_stories_v" DROP COLUMN "version_workflow_submitted_by_id";
  ALTER TABLE "_stories_v" DROP COLUMN "version_workflow_publish_at";
  ALTER TABLE "members" DROP COLUMN "workflow_state";
  ALTER TABLE "members" DROP COLUMN "workflow_submitted_by_id";
  ALTER TABLE "members" DROP COLUMN "workflow_publish_at";
  ALTER TABLE "_members_v" DROP COLUMN "version_workflow_state";
  ALTER TABLE "_members_v" DROP COLUMN "version_workflow_submitted_by_id";
  ALTER TABLE "_members_v" DROP COLUMN "version_workflow_publish_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "workflow_events_id";
  DROP TYPE "public"."enum_stories_workflow_state";
  DROP TYPE "public"."enum__stories_v_version_workflow_state";
  DROP TYPE "public"."enum_members_workflow_state";
  DROP TYPE "public"."enum__members_v_version_workflow_state";
  DROP TYPE "public"."enum_workflow_events_transition";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
