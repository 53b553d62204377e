// Attachments: whether their text was read for the secrecy scan (null for files uploaded before the reader existed,
// which the scan lists as unread). Channels: the link an item went out under (a 公众号 article's URL), where there is one.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('publication_attachments').addColumn('text_status', 'text').execute();
  await db.schema.alterTable('publication_channels').addColumn('link', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('publication_channels').dropColumn('link').execute();
  await db.schema.alterTable('publication_attachments').dropColumn('text_status').execute();
}
