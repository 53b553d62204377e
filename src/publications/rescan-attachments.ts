/**
 * Re-read attachments uploaded before the secrecy scan read attachments (text_status null): each file is read from
 * the store, its text and reading recorded in its own transaction — so the run is resumable: stopped half-way, the
 * next run takes up the files still unread. A published item whose re-read attachments now hold blocking hits is
 * reindexed (the index is masked, src/publications/publication-context.ts), its attachment URL stops serving them
 * (attachmentBlocked reads the recorded text) and the clerks are told through notify().
 */
import type { Db } from '../db/database.ts';
import { readAll, type FileStore } from '../storage/index.ts';
import { readText } from '../documents/read-text.ts';
import { checkAttachment } from './attachment-type.ts';
import { notify } from '../notifications/notify.ts';
import { usersWithRole } from '../org/org.queries.ts';
import { reindexPublication } from './publication-context.ts';
import { blockingReason, scanPublication } from './publication-scan.ts';
import { getPublication } from './publications.queries.ts';

export interface RescanResult {
  read: number;
  unreadable: number;
  missing: number;
  /** Published items found to hold blocking hits (the clerks were told). */
  flagged: { id: number; title: string; reason: string }[];
}

/** Read every attachment without a recorded reading (at most `limit` in this run). */
export async function rescanAttachments(
  db: Db,
  store: FileStore,
  now: () => Date,
  opts: { limit?: number; onFile?: (fileName: string, status: string) => void } = {},
): Promise<RescanResult> {
  const rows = await db
    .selectFrom('publication_attachments')
    .select(['id', 'publication_id', 'file_name', 'storage_key'])
    .where('text_status', 'is', null)
    .orderBy('id')
    .limit(opts.limit ?? 100_000)
    .execute();
  const out: RescanResult = { read: 0, unreadable: 0, missing: 0, flagged: [] };
  const touched = new Set<number>();
  for (const r of rows) {
    const bytes = await readAll(store, db, r.storage_key).catch(() => null);
    let status: string;
    let text: string | null = null;
    if (!bytes) {
      status = '附件文件缺失，无法读取';
      out.missing++;
    } else {
      const type = checkAttachment(r.file_name, new Uint8Array(bytes));
      const reading = type.ok ? await readText(type.type, new Uint8Array(bytes)) : null;
      if (reading?.ok) {
        text = reading.text;
        status = reading.truncated ? 'truncated' : 'read';
        out.read++;
      } else {
        status = reading ? reading.problem : '文件类型无法识别，无法读取其中的文字';
        out.unreadable++;
      }
    }
    await db
      .updateTable('publication_attachments')
      .set({ text, text_status: status })
      .where('id', '=', r.id)
      .where('text_status', 'is', null)
      .execute();
    opts.onFile?.(r.file_name, status);
    touched.add(Number(r.publication_id));
  }
  for (const id of touched) {
    const p = await getPublication(db, id);
    if (p.status !== 'published') continue;
    const reason = blockingReason(await scanPublication(db, p));
    await db.transaction().execute(async (trx) => {
      // Masked as for a new attachment: the index never holds an unmasked hit.
      await reindexPublication(trx, id, now());
      if (!reason) return;
      const clerks = await usersWithRole(trx, p.agencyId, 'clerk');
      await notify(
        trx,
        now(),
        clerks.filter((u) => u.isActive).map((u) => u.id),
        {
          kind: 'publication.attachment_hit',
          title: `已发布信息的附件发现不得公开的内容：${p.title}`,
          body: `补读旧附件时发现：${reason}。该附件已停止对外提供，请核实后撤回或更正。`,
          link: `/office/publications/${id}`,
        },
        { deliver: true },
      );
    });
    if (reason) out.flagged.push({ id, title: p.title, reason });
  }
  return out;
}
