import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_feed_changes_type" AS ENUM('projects', 'events', 'members', 'stories');
  CREATE TYPE "public"."enum_feed_changes_action" AS ENUM('created', 'updated', 'removed');
  CREATE TYPE "public"."enum_feed_webhooks_types" AS ENUM('projects', 'events', 'members', 'stories');
  CREATE TYPE "public"."enum_feed_webhook_deliveries_outcome" AS ENUM('delivered', 'failed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'feedDeliverWebhook';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'feedDeliverWebhook';
  CREATE TABLE "feed_changes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"type" "enum_feed_changes_type" NOT NULL,
  	"slug" varchar NOT NULL,
  	"doc_id" varchar NOT NULL,
  	"action" "enum_feed_changes_action" NOT NULL,
  	"first_published_at" timestamp(3) with time zone NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "feed_webhooks_types" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_feed_webhooks_types",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "feed_webhooks" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"url" varchar NOT NULL,
  	"secret" varchar NOT NULL,
  	"active" boolean DEFAULT true,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "feed_webhook_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"webhook_id" integer,
  	"delivery_id" varchar,
  	"action" varchar NOT NULL,
  	"type" varchar NOT NULL,
  	"slug" varchar NOT NULL,
  	"locale" varchar,
  	"attempt" numeric NOT NULL,
  	"outcome" "enum_feed_webhook_deliveries_outcome" NOT NULL,
  	"response_status" numeric,
  	"error" varchar,
  	"duration_ms" numeric,
  	"body" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "feed_revision" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"revision" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "projects" ADD COLUMN "published_at" timestamp(3) with time zone;
  ALTER TABLE "_projects_v" ADD COLUMN "version_published_at" timestamp(3) with time zone;
  ALTER TABLE "events" ADD COLUMN "published_at" timestamp(3) with time zone;
  ALTER TABLE "_events_v" ADD COLUMN "version_published_at" timestamp(3) with time zone;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "feed_changes_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "feed_webhooks_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "feed_webhook_deliveries_id" integer;
  ALTER TABLE "feed_webhooks_types" ADD CONSTRAINT "feed_webhooks_types_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."feed_webhooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "feed_webhook_deliveries" ADD CONSTRAINT "feed_webhook_deliveries_webhook_id_feed_webhooks_id_fk" FOREIGN KEY ("webhook_id") REFERENCES "public"."feed_webhooks"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "feed_changes_key_idx" ON "feed_changes" USING btree ("key");
  CREATE INDEX "feed_changes_type_idx" ON "feed_changes" USING btree ("type");
  CREATE INDEX "feed_changes_doc_id_idx" ON "feed_changes" USING btree ("doc_id");
  CREATE INDEX "feed_changes_at_idx" ON "feed_changes" USING btree ("at");
  CREATE INDEX "feed_changes_updated_at_idx" ON "feed_changes" USING btree ("updated_at");
  CREATE INDEX "feed_changes_created_at_idx" ON "feed_changes" USING btree ("created_at");
  CREATE INDEX "feed_webhooks_types_order_idx" ON "feed_webhooks_types" USING btree ("order");
  CREATE INDEX "feed_webhooks_types_parent_idx" ON "feed_webhooks_types" USING btree ("parent_id");
  CREATE INDEX "feed_webhooks_updated_at_idx" ON "feed_webhooks" USING btree ("updated_at");
  CREATE INDEX "feed_webhooks_created_at_idx" ON "feed_webhooks" USING btree ("created_at");
  CREATE INDEX "feed_webhook_deliveries_webhook_idx" ON "feed_webhook_deliveries" USING btree ("webhook_id");
  CREATE INDEX "feed_webhook_deliveries_delivery_id_idx" ON "feed_webhook_deliveries" USING btree ("delivery_id");
  CREATE INDEX "feed_webhook_deliveries_updated_at_idx" ON "feed_webhook_deliveries" USING btree ("updated_at");
  CREATE INDEX "feed_webhook_deliveries_created_at_idx" ON "feed_webhook_deliveries" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_feed_changes_fk" FOREIGN KEY ("feed_changes_id") REFERENCES "public"."feed_changes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_feed_webhooks_fk" FOREIGN KEY ("feed_webhooks_id") REFERENCES "public"."feed_webhooks"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_feed_webhook_deliveries_fk" FOREIGN KEY ("feed_webhook_deliveries_id") REFERENCES "public"."feed_webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "projects_published_at_idx" ON "projects" USING btree ("published_at");
  CREATE INDEX "_status_publishedAt_idx" ON "projects" USING btree ("_status","published_at");
  CREATE INDEX "_projects_v_version_version_published_at_idx" ON "_projects_v" USING btree ("version_published_at");
  CREATE INDEX "version__status_version_publishedAt_idx" ON "_projects_v" USING btree ("version__status","version_published_at");
  CREATE INDEX "events_published_at_idx" ON "events" USING btree ("published_at");
  CREATE INDEX "_status_startsAt_idx" ON "events" USING btree ("_status","starts_at");
  CREATE INDEX "_status_publishedAt_1_idx" ON "events" USING btree ("_status","published_at");
  CREATE INDEX "_events_v_version_version_published_at_idx" ON "_events_v" USING btree ("version_published_at");
  CREATE INDEX "version__status_version_startsAt_idx" ON "_events_v" USING btree ("version__status","version_starts_at");
  CREATE INDEX "version__status_version_publishedAt_1_idx" ON "_events_v" USING btree ("version__status","version_published_at");
  CREATE INDEX "_status_publishedAt_2_idx" ON "stories" USING btree ("_status","published_at");
  CREATE INDEX "version__status_version_publishedAt_2_idx" ON "_stories_v" USING btree ("version__status","version_published_at");
  CREATE INDEX "_status_name_idx" ON "members" USING btree ("_status","name");
  CREATE INDEX "version__status_version_name_idx" ON "_members_v" USING btree ("version__status","version_name");
  CREATE INDEX "payload_locked_documents_rels_feed_changes_id_idx" ON "payload_locked_documents_rels" USING btree ("feed_changes_id");
  CREATE INDEX "payload_locked_documents_rels_feed_webhooks_id_idx" ON "payload_locked_documents_rels" USING btree ("feed_webhooks_id");
  CREATE INDEX "payload_locked_documents_rels_feed_webhook_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("feed_webhook_deliveries_id");`)
  // Projects and events published before the feed existed: their first publication is unknown, their creation is the closest date.
  await db.execute(sql`UPDATE "projects" SET "published_at" = "created_at" WHERE "_status" = 'published' AND "published_at" IS NULL;`)
  await db.execute(sql`UPDATE "events" SET "published_at" = "created_at" WHERE "_status" = 'published' AND "published_at" IS NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "feed_changes" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "feed_webhooks_types" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "feed_webhooks" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "feed_webhook_deliveries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "feed_revision" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "feed_changes" CASCADE;
  DROP TABLE "feed_webhooks_types" CASCADE;
  DROP TABLE "feed_webhooks" CASCADE;
  DROP TABLE "feed_webhook_deliveries" CASCADE;
  DROP TABLE "feed_revision" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_feed_changes_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_feed_webhooks_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_feed_webhook_deliveries_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'workflowPublishScheduled', 'workflowNotify');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'workflowPublishScheduled', 'workflowNotify');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "projects_published_at_idx";
  DROP INDEX "_status_publishedAt_idx";
  DROP INDEX "_projects_v_version_version_published_at_idx";
  DROP INDEX "version__status_version_publishedAt_idx";
  DROP INDEX "events_published_at_idx";
  DROP INDEX "_status_startsAt_idx";
  DROP INDEX "_status_publishedAt_1_idx";
  DROP INDEX "_events_v_version_version_published_at_idx";
  DROP INDEX "version__status_version_startsAt_idx";
  DROP INDEX "version__status_version_publishedAt_1_idx";
  DROP INDEX "_status_publishedAt_2_idx";
  DROP INDEX "version__status_version_publishedAt_2_idx";
  DROP INDEX "_status_name_idx";
  DROP INDEX "version__status_version_name_idx";
  DROP INDEX "payload_locked_documents_rels_feed_changes_id_idx";
  DROP INDEX "payload_locked_documents_rels_feed_webhooks_id_idx";
  DROP INDEX "payload_locked_documents_rels_feed_webhook_deliveries_id_idx";
  ALTER TABLE "projects" DROP COLUMN "published_at";
  ALTER TABLE "_projects_v" DROP COLUMN "version_published_at";
  ALTER TABLE "events" DROP COLUMN "published_at";
  ALTER TABLE "_events_v" DROP COLUMN "version_published_at";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "feed_changes_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "feed_webhooks_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "feed_webhook_deliveries_id";
  DROP TYPE "public"."enum_feed_changes_type";
  DROP TYPE "public"."enum_feed_changes_action";
  DROP TYPE "public"."enum_feed_webhooks_types";
  DROP TYPE "public"."enum_feed_webhook_deliveries_outcome";`)
}
