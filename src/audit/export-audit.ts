import type { Ctx } from '../context.ts';
import { recordEvent } from './record-event.ts';
import { listAuditEvents, type AuditFilter } from './audit.queries.ts';
import { writeXlsx } from '../documents/xlsx.ts';
import { objectTypeLabel } from './object-labels.ts';
import { beijingDateTimeSeconds } from '../beijing-time.ts';

/** The sheet that holds the raw before/after records of the audit export. */
export const RAW_RECORD_SHEET = '原始记录（供核查）';

/** Export the filtered audit log (up to 100,000 rows) as XLSX; the export itself is audited. */
export async function exportAudit(
  ctx: Ctx,
  filter: AuditFilter,
  labels: Readonly<Record<string, string>>,
): Promise<Buffer> {
  const { rows } = await listAuditEvents(ctx.db, filter, 100_000);
  const buf = await writeXlsx([
    {
      name: '审计日志',
      columns: [
        { header: '序号', key: 'id', width: 8 },
        { header: '时间', key: 'time', width: 22 },
        { header: '操作人', key: 'actor', width: 14 },
        { header: '来源地址', key: 'ip', width: 16 },
        { header: '操作', key: 'action', width: 18 },
        { header: '对象类型', key: 'objectType', width: 12 },
        { header: '对象编号', key: 'objectId', width: 10 },
        { header: '备注', key: 'note', width: 24 },
      ],
      rows: rows.map((r) => ({
        id: r.id,
        time: beijingDateTimeSeconds(r.occurredAt),
        actor: r.actorName ?? '',
        ip: r.ip ?? '',
        action: labels[r.action] ?? '其他操作',
        objectType: objectTypeLabel(r.objectType),
        objectId: r.objectId ?? '',
        note: r.note ?? '',
      })),
    },
    {
      // The stored before/after records, verbatim, for technical review; matched to the first sheet by 序号.
      name: RAW_RECORD_SHEET,
      columns: [
        { header: '序号', key: 'id', width: 8 },
        { header: '变更前', key: 'before', width: 60 },
        { header: '变更后', key: 'after', width: 60 },
      ],
      rows: rows
        .filter((r) => r.before || r.after)
        .map((r) => ({ id: r.id, before: r.before ?? '', after: r.after ?? '' })),
    },
  ]);
  await recordEvent(ctx.db, ctx, {
    action: 'audit.exported',
    objectType: 'audit',
    after: { filter: { ...filter, agencyIds: undefined }, rows: rows.length },
  });
  return buf;
}
