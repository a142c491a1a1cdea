import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_stories_workflow_state" AS ENUM('draft', 'in_review', 'changes_requested', 'scheduled', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum__stories_v_version_workflow_state" AS ENUM('draft', 'in_review', 'changes_requested', 'scheduled', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum_members_workflow_state" AS ENUM('draft', 'in_review', 'changes_requested', 'scheduled', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum__members_v_version_workflow_state" AS ENUM('draft', 'in_review', 'changes_requested', 'scheduled', 'published', 'rejected', 'archived');
  CREATE TYPE "public"."enum_workflow_events_transition" AS ENUM('submit', 'request_changes', 'approve', 'reject', 'archive', 'restore', 'unschedule');
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
  	"at" timestamp(3) with time zone NOT NULL,
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
  CREATE UNIQUE INDEX "workflow_events_key_idx" ON "workflow_events" USING btree ("key");
  CREATE INDEX "workflow_events_collection_idx" ON "workflow_events" USING btree ("collection");
  CREATE INDEX "workflow_events_document_idx" ON "workflow_events" USING btree ("document");
  CREATE INDEX "workflow_events_organisation_idx" ON "workflow_events" USING btree ("organisation");
  CREATE INDEX "workflow_events_user_idx" ON "workflow_events" USING btree ("user_id");
  CREATE INDEX "workflow_events_at_idx" ON "workflow_events" USING btree ("at");
  CREATE INDEX "workflow_events_updated_at_idx" ON "workflow_events" USING btree ("updated_at");
  CREATE INDEX "workflow_events_created_at_idx" ON "workflow_events" USING btree ("created_at");
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
  DROP TABLE "workflow_events" CASCADE;
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
  DROP TYPE "public"."enum_workflow_events_transition";`)
}
