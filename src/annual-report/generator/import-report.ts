/**
 * Bring in a report an agency published outside gongkai (text, HTML, DOCX or gongkai's JSON export): the checker
 * reads it, its cells, fees, section texts and findings are stored as that agency's published report of the year,
 * so the county overview is complete and next year's X-CARRY / X-INFORCE compare against it.
 */
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { recordEvent } from '../../audit/record-event.ts';
import { InvalidStateError, ValidationError, assertCan, parseInput } from '../../errors.ts';
import { agencyScope, getAgency } from '../../org/org.queries.ts';
import {
  MAX_REPORT_BYTES,
  ReportInputError,
  checkReport,
  parseReportAsync,
  type ParsedReport,
} from '../index.ts';
import { findReportFor, getReport, upsertReport } from './annual-reports.queries.ts';
import { previousCells } from './report-context.ts';
import { bodyLevelOfKind, type AnnualReport, type Texts } from './report.ts';
import { importsOnBehalf, reportPolicy } from './report.policy.ts';
import { safeFileName } from '../../text/file-name.ts';

export const ImportReportInput = z.object({
  agencyId: z.number().int().positive(),
  /** The year, when the file does not state it (or to confirm it). */
  year: z.number().int().min(2008).max(2099).optional(),
  fileName: z.string().trim().min(1).max(200),
  bytes: z.instanceof(Uint8Array),
});
export type ImportReportInput = z.infer<typeof ImportReportInput>;

export async function importReport(ctx: Ctx, raw: ImportReportInput): Promise<AnnualReport> {
  const input = parseInput(ImportReportInput, raw);
  const { db, actor, clock } = ctx;
  const agency = await getAgency(db, input.agencyId);
  const scope = await agencyScope(db, agency.id);
  assertCan(reportPolicy.import(actor, scope), {
    hide: !reportPolicy.view(actor, scope) && !reportPolicy.import(actor, scope),
  });
  if (input.bytes.length > MAX_REPORT_BYTES) throw new ValidationError('文件超过 20 MB，无法导入');

  let parsed: ParsedReport;
  try {
    parsed = await parseReportAsync({ name: input.fileName, bytes: input.bytes });
  } catch (e) {
    if (e instanceof ReportInputError) throw new ValidationError(`无法读取该报告：${e.message}`);
    throw e;
  }
  const year = input.year ?? parsed.year;
  if (!year) throw new ValidationError('报告中没有写明年度，请填写年度', { year: '请填写年度' });
  if (input.year && parsed.year && input.year !== parsed.year) {
    throw new ValidationError(`报告写明的是${parsed.year}年度，与所填的${input.year}年不一致`, {
      year: '年度不一致',
    });
  }
  const existing = await findReportFor(db, agency.id, year);
  if (existing?.origin === 'generated') {
    throw new InvalidStateError(`本系统中已有${agency.name}${year}年度的报告，不能用导入的报告覆盖`);
  }
  // A county recording a township's report: kept for the overview, never put on the township's portal, and never
  // over what the township itself published.
  const onBehalf = importsOnBehalf(actor, scope);
  if (onBehalf && existing?.status === 'published') {
    throw new InvalidStateError(`${agency.name}已自行发布${year}年度报告，县级不能代为覆盖`);
  }
  const result = checkReport(parsed, {
    bodyLevel: bodyLevelOfKind(agency.kind),
    previous: await previousCells(db, agency.id, year),
  });
  const texts = Object.fromEntries(parsed.sections.map((s) => [s.id, s.text])) as Texts;

  const now = clock.now().toISOString();
  const byName = actor.kind === 'public' ? '公众' : actor.name;
  const county = onBehalf && actor.kind === 'user' ? await getAgency(db, actor.agencyId) : null;
  const row = {
    origin: 'imported',
    status: onBehalf ? 'finalised' : 'published',
    cells_json: JSON.stringify(parsed.cells),
    fees_json: JSON.stringify(parsed.fees),
    texts_json: JSON.stringify(texts),
    edited_json: '[]',
    findings_json: JSON.stringify(result.findings),
    snapshot_id: null,
    generated_at: now,
    generated_by_name: byName,
    source_file: safeFileName(input.fileName),
    approver_name: null,
    finalised_at: now,
    finalised_by_name: byName,
    published_at: now,
    published_by_name: county ? `${byName}（${county.name}代为录入，已在别处发布）` : byName,
    updated_at: now,
  };
  const id = await db.transaction().execute(async (trx) => {
    const reportId = await upsertReport(trx, existing, { agencyId: agency.id, year, now }, row);
    const after = {
      year,
      file: input.fileName,
      errors: result.findings.filter((f) => f.severity === 'error').length,
    };
    const note = county ? `${county.name}代${agency.name}录入${year}年度报告（已在别处发布）` : undefined;
    await recordEvent(trx, ctx, {
      action: 'annual_report.imported',
      objectType: 'annual_report',
      objectId: reportId,
      agencyId: agency.id,
      after,
      note,
    });
    // A county-side action is audited in both agencies.
    if (county)
      await recordEvent(trx, ctx, {
        action: 'annual_report.imported',
        objectType: 'annual_report',
        objectId: reportId,
        agencyId: county.id,
        after,
        note,
      });
    return reportId;
  });
  return getReport(db, id);
}
