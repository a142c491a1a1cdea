import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`feed_changes\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`type\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`doc_id\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`first_published_at\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`feed_changes_key_idx\` ON \`feed_changes\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`feed_changes_type_idx\` ON \`feed_changes\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`feed_changes_doc_id_idx\` ON \`feed_changes\` (\`doc_id\`);`)
  await db.run(sql`CREATE INDEX \`feed_changes_at_idx\` ON \`feed_changes\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`feed_changes_updated_at_idx\` ON \`feed_changes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`feed_changes_created_at_idx\` ON \`feed_changes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`feed_webhooks_types\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`feed_webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`feed_webhooks_types_order_idx\` ON \`feed_webhooks_types\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`feed_webhooks_types_parent_idx\` ON \`feed_webhooks_types\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`feed_webhooks\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`url\` text NOT NULL,
  	\`secret\` text NOT NULL,
  	\`active\` integer DEFAULT true,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`feed_webhooks_updated_at_idx\` ON \`feed_webhooks\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`feed_webhooks_created_at_idx\` ON \`feed_webhooks\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`feed_webhook_deliveries\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`webhook_id\` integer,
  	\`delivery_id\` text,
  	\`action\` text NOT NULL,
  	\`type\` text NOT NULL,
  	\`slug\` text NOT NULL,
  	\`locale\` text,
  	\`attempt\` numeric NOT NULL,
  	\`outcome\` text NOT NULL,
  	\`response_status\` numeric,
  	\`error\` text,
  	\`duration_ms\` numeric,
  	\`body\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`webhook_id\`) REFERENCES \`feed_webhooks\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`feed_webhook_deliveries_webhook_idx\` ON \`feed_webhook_deliveries\` (\`webhook_id\`);`)
  await db.run(sql`CREATE INDEX \`feed_webhook_deliveries_delivery_id_idx\` ON \`feed_webhook_deliveries\` (\`delivery_id\`);`)
  await db.run(sql`CREATE INDEX \`feed_webhook_deliveries_updated_at_idx\` ON \`feed_webhook_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`feed_webhook_deliveries_created_at_idx\` ON \`feed_webhook_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`feed_revision\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`revision\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`projects\` ADD \`published_at\` text;`)
  await db.run(sql`CREATE INDEX \`projects_published_at_idx\` ON \`projects\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_idx\` ON \`projects\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`ALTER TABLE \`_projects_v\` ADD \`version_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`_projects_v_version_version_published_at_idx\` ON \`_projects_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_idx\` ON \`_projects_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`ALTER TABLE \`events\` ADD \`published_at\` text;`)
  await db.run(sql`CREATE INDEX \`events_published_at_idx\` ON \`events\` (\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_startsAt_idx\` ON \`events\` (\`_status\`,\`starts_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_1_idx\` ON \`events\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`ALTER TABLE \`_events_v\` ADD \`version_published_at\` text;`)
  await db.run(sql`CREATE INDEX \`_events_v_version_version_published_at_idx\` ON \`_events_v\` (\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_startsAt_idx\` ON \`_events_v\` (\`version__status\`,\`version_starts_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_1_idx\` ON \`_events_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`feed_changes_id\` integer REFERENCES feed_changes(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`feed_webhooks_id\` integer REFERENCES feed_webhooks(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`feed_webhook_deliveries_id\` integer REFERENCES feed_webhook_deliveries(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_feed_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`feed_changes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_feed_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`feed_webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_feed_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`feed_webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`_status_publishedAt_2_idx\` ON \`stories\` (\`_status\`,\`published_at\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_publishedAt_2_idx\` ON \`_stories_v\` (\`version__status\`,\`version_published_at\`);`)
  await db.run(sql`CREATE INDEX \`_status_name_idx\` ON \`members\` (\`_status\`,\`name\`);`)
  await db.run(sql`CREATE INDEX \`version__status_version_name_idx\` ON \`_members_v\` (\`version__status\`,\`version_name\`);`)
  // Projects and events published before the feed existed: their first publication is unknown, their creation is the closest date.
  await db.run(sql`UPDATE \`projects\` SET \`published_at\` = \`created_at\` WHERE \`_status\` = 'published' AND \`published_at\` IS NULL;`)
  await db.run(sql`UPDATE \`events\` SET \`published_at\` = \`created_at\` WHERE \`_status\` = 'published' AND \`published_at\` IS NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`feed_changes\`;`)
  await db.run(sql`DROP TABLE \`feed_webhooks_types\`;`)
  await db.run(sql`DROP TABLE \`feed_webhooks\`;`)
  await db.run(sql`DROP TABLE \`feed_webhook_deliveries\`;`)
  await db.run(sql`DROP TABLE \`feed_revision\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
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
  	\`workflow_events_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`projects_id\`) REFERENCES \`projects\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stories_id\`) REFERENCES \`stories\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`members_id\`) REFERENCES \`members\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`partners_id\`) REFERENCES \`partners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`working_groups_id\`) REFERENCES \`working_groups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`workflow_events_id\`) REFERENCES \`workflow_events\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "projects_id", "events_id", "stories_id", "members_id", "partners_id", "working_groups_id", "media_id", "users_id", "workflow_events_id") SELECT "id", "order", "parent_id", "path", "projects_id", "events_id", "stories_id", "members_id", "partners_id", "working_groups_id", "media_id", "users_id", "workflow_events_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_workflow_events_id_idx\` ON \`payload_locked_documents_rels\` (\`workflow_events_id\`);`)
  await db.run(sql`DROP INDEX \`projects_published_at_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_publishedAt_idx\`;`)
  await db.run(sql`ALTER TABLE \`projects\` DROP COLUMN \`published_at\`;`)
  await db.run(sql`DROP INDEX \`_projects_v_version_version_published_at_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_idx\`;`)
  await db.run(sql`ALTER TABLE \`_projects_v\` DROP COLUMN \`version_published_at\`;`)
  await db.run(sql`DROP INDEX \`events_published_at_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_startsAt_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_publishedAt_1_idx\`;`)
  await db.run(sql`ALTER TABLE \`events\` DROP COLUMN \`published_at\`;`)
  await db.run(sql`DROP INDEX \`_events_v_version_version_published_at_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_startsAt_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_1_idx\`;`)
  await db.run(sql`ALTER TABLE \`_events_v\` DROP COLUMN \`version_published_at\`;`)
  await db.run(sql`DROP INDEX \`_status_publishedAt_2_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_publishedAt_2_idx\`;`)
  await db.run(sql`DROP INDEX \`_status_name_idx\`;`)
  await db.run(sql`DROP INDEX \`version__status_version_name_idx\`;`)
}
