import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`workflow_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`collection\` text NOT NULL,
  	\`document\` text NOT NULL,
  	\`organisation\` text,
  	\`transition\` text NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`user_id\` integer,
  	\`comment\` text,
  	\`version\` text,
  	\`at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`workflow_events_key_idx\` ON \`workflow_events\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_collection_idx\` ON \`workflow_events\` (\`collection\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_document_idx\` ON \`workflow_events\` (\`document\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_organisation_idx\` ON \`workflow_events\` (\`organisation\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_user_idx\` ON \`workflow_events\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_at_idx\` ON \`workflow_events\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_updated_at_idx\` ON \`workflow_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`workflow_events_created_at_idx\` ON \`workflow_events\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`stories\` ADD \`workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`stories\` ADD \`workflow_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`stories\` ADD \`workflow_publish_at\` text;`)
  await db.run(sql`CREATE INDEX \`stories_workflow_workflow_state_idx\` ON \`stories\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`stories_workflow_workflow_submitted_by_idx\` ON \`stories\` (\`workflow_submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_workflow_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_stories_v\` ADD \`version_workflow_publish_at\` text;`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_workflow_version_workflow_state_idx\` ON \`_stories_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_workflow_version_workflow_submitted_b_idx\` ON \`_stories_v\` (\`version_workflow_submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`workflow_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`members\` ADD \`workflow_publish_at\` text;`)
  await db.run(sql`CREATE INDEX \`members_workflow_workflow_state_idx\` ON \`members\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`members_workflow_workflow_submitted_by_idx\` ON \`members\` (\`workflow_submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_members_v\` ADD \`version_workflow_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_members_v\` ADD \`version_workflow_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_members_v\` ADD \`version_workflow_publish_at\` text;`)
  await db.run(sql`CREATE INDEX \`_members_v_version_workflow_version_workflow_state_idx\` ON \`_members_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_members_v_version_workflow_version_workflow_submitted_b_idx\` ON \`_members_v\` (\`version_workflow_submitted_by_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`workflow_events_id\` integer REFERENCES workflow_events(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_workflow_events_id_idx\` ON \`payload_locked_documents_rels\` (\`workflow_events_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`workflow_events\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_stories\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`slug\` text,
  	\`project_id\` integer,
  	\`member_id\` integer,
  	\`author_id\` integer,
  	\`published_at\` text,
  	\`image_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`project_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_stories\`("id", "slug", "project_id", "member_id", "author_id", "published_at", "image_id", "updated_at", "created_at", "_status") SELECT "id", "slug", "project_id", "member_id", "author_id", "published_at", "image_id", "updated_at", "created_at", "_status" FROM \`stories\`;`)
  await db.run(sql`DROP TABLE \`stories\`;`)
  await db.run(sql`ALTER TABLE \`__new_stories\` RENAME TO \`stories\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`stories_slug_idx\` ON \`stories\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`stories_project_idx\` ON \`stories\` (\`project_id\`);`)
  await db.run(sql`CREATE INDEX \`stories_member_idx\` ON \`stories\` (\`member_id\`);`)
  await db.run(sql`CREATE INDEX \`stories_author_idx\` ON \`stories\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`stories_published_at_idx\` ON \`stories\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`stories_image_idx\` ON \`stories\` (\`image_id\`);`)
  await db.run(sql`CREATE INDEX \`stories_updated_at_idx\` ON \`stories\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`stories_created_at_idx\` ON \`stories\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`stories__status_idx\` ON \`stories\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__stories_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_slug\` text,
  	\`version_project_id\` integer,
  	\`version_member_id\` integer,
  	\`version_author_id\` integer,
  	\`version_published_at\` text,
  	\`version_image_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_project_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_member_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_author_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__stories_v\`("id", "parent_id", "version_slug", "version_project_id", "version_member_id", "version_author_id", "version_published_at", "version_image_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_slug", "version_project_id", "version_member_id", "version_author_id", "version_published_at", "version_image_id", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_stories_v\`;`)
  await db.run(sql`DROP TABLE \`_stories_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__stories_v\` RENAME TO \`_stories_v\`;`)
  await db.run(sql`CREATE INDEX \`_stories_v_parent_idx\` ON \`_stories_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_slug_idx\` ON \`_stories_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_project_idx\` ON \`_stories_v\` (\`version_project_id\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_member_idx\` ON \`_stories_v\` (\`version_member_id\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_author_idx\` ON \`_stories_v\` (\`version_author_id\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_published_at_idx\` ON \`_stories_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_image_idx\` ON \`_stories_v\` (\`version_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_updated_at_idx\` ON \`_stories_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version_created_at_idx\` ON \`_stories_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_version_version__status_idx\` ON \`_stories_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_created_at_idx\` ON \`_stories_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_updated_at_idx\` ON \`_stories_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_snapshot_idx\` ON \`_stories_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_published_locale_idx\` ON \`_stories_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_stories_v_latest_idx\` ON \`_stories_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_members\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`slug\` text,
  	\`membership_type\` text DEFAULT 'ordinary',
  	\`kind\` text DEFAULT 'company',
  	\`logo_id\` integer,
  	\`website\` text,
  	\`city\` text,
  	\`member_since\` text,
  	\`contact_person\` text,
  	\`contact_email\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_members\`("id", "name", "slug", "membership_type", "kind", "logo_id", "website", "city", "member_since", "contact_person", "contact_email", "updated_at", "created_at", "_status") SELECT "id", "name", "slug", "membership_type", "kind", "logo_id", "website", "city", "member_since", "contact_person", "contact_email", "updated_at", "created_at", "_status" FROM \`members\`;`)
  await db.run(sql`DROP TABLE \`members\`;`)
  await db.run(sql`ALTER TABLE \`__new_members\` RENAME TO \`members\`;`)
  await db.run(sql`CREATE INDEX \`members_name_idx\` ON \`members\` (\`name\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`members_slug_idx\` ON \`members\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`members_membership_type_idx\` ON \`members\` (\`membership_type\`);`)
  await db.run(sql`CREATE INDEX \`members_logo_idx\` ON \`members\` (\`logo_id\`);`)
  await db.run(sql`CREATE INDEX \`members_updated_at_idx\` ON \`members\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`members_created_at_idx\` ON \`members\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`members__status_idx\` ON \`members\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__members_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_slug\` text,
  	\`version_membership_type\` text DEFAULT 'ordinary',
  	\`version_kind\` text DEFAULT 'company',
  	\`version_logo_id\` integer,
  	\`version_website\` text,
  	\`version_city\` text,
  	\`version_member_since\` text,
  	\`version_contact_person\` text,
  	\`version_contact_email\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_logo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__members_v\`("id", "parent_id", "version_name", "version_slug", "version_membership_type", "version_kind", "version_logo_id", "version_website", "version_city", "version_member_since", "version_contact_person", "version_contact_email", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest") SELECT "id", "parent_id", "version_name", "version_slug", "version_membership_type", "version_kind", "version_logo_id", "version_website", "version_city", "version_member_since", "version_contact_person", "version_contact_email", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "snapshot", "published_locale", "latest" FROM \`_members_v\`;`)
  await db.run(sql`DROP TABLE \`_members_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__members_v\` RENAME TO \`_members_v\`;`)
  await db.run(sql`CREATE INDEX \`_members_v_parent_idx\` ON \`_members_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_members_v_version_version_name_idx\` ON \`_members_v\` (\`version_name\`);`)
  await db.run(sql`CREATE INDEX \`_members_v_version_version_slug_idx\` ON \`_members_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_members_v_version_version_membership_type_idx\` ON \`_members_v\` (\`version_membership_type\`);`)
  await db.run(sql`CREATE INDEX \`_members_v_version_version_logo_idx\` ON \`_members_v\` (\`version_logo_id\`);`)
  await db.run(sql`CREATE INDEX \`_members_v_version_version_updated_at_idx\` ON \`_members_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_members_v_version_version_created_at_idx\` ON \`_members_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_members_v_version_version__status_idx\` ON \`_members_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_members_v_created_at_idx\` ON \`_members_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_members_v_updated_at_idx\` ON \`_members_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_members_v_snapshot_idx\` ON \`_members_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_members_v_published_locale_idx\` ON \`_members_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_members_v_latest_idx\` ON \`_members_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`projects_id\` integer,
  	\`events_id\` integer,
  	\`stories_id\` integer,
  	\`members_id\` integer,
  	\`partners_id\` integer,
  	\`working_groups_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`projects_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stories_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`working_groups_id\`) REFERENCES \`working_groups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "projects_id", "events_id", "stories_id", "members_id", "partners_id", "working_groups_id", "media_id", "users_id") SELECT "id", "order", "parent_id", "path", "projects_id", "events_id", "stories_id", "members_id", "partners_id", "working_groups_id", "media_id", "users_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_projects_id_idx\` ON \`payload_locked_documents_rels\` (\`projects_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_stories_id_idx\` ON \`payload_locked_documents_rels\` (\`stories_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_members_id_idx\` ON \`payload_locked_documents_rels\` (\`members_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_partners_id_idx\` ON \`payload_locked_documents_rels\` (\`partners_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_working_groups_id_idx\` ON \`payload_locked_documents_rels\` (\`working_groups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
}
