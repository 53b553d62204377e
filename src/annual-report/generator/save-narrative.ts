/** Edit the narrative of sections 一, 五 and 六 of a draft report; the checks run again on the new text. */
import { z } from 'zod';
import type { Ctx } from '../../context.ts';
import { recordEvent } from '../../audit/record-event.ts';
import { ConflictError, InvalidStateError, parseInput } from '../../errors.ts';
import type { SectionId } from '../report-format.ts';
import { getReport } from './annual-reports.queries.ts';
import { checkReportContent, resolveReport } from './report-context.ts';
import type { AnnualReport, Texts } from './report.ts';

/** The sections whose text a person writes (二、三、四 are the tables). */
export const EDITABLE_SECTIONS = [
  'overview',
  'problems_improvements',
  'other_matters',
] as const satisfies SectionId[];

const text = z.string().trim().min(1, '正文不能为空').max(20000, '正文过长（不超过2万字）');
export const SaveNarrativeInput = z.object({
  version: z.number().int().positive(),
  overview: text,
  problems_improvements: text,
  other_matters: text,
});
export type SaveNarrativeInput = z.infer<typeof SaveNarrativeInput>;

/** Line endings normalised, trailing spaces dropped. */
const clean = (s: string) =>
  s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();

export async function saveNarrative(
  ctx: Ctx,
  reportId: number,
  raw: SaveNarrativeInput,
): Promise<AnnualReport> {
  const input = parseInput(SaveNarrativeInput, raw);
  const { report, agency } = await resolveReport(ctx.db, ctx.actor, reportId, 'draft');
  if (report.status !== 'draft')
    throw new InvalidStateError('年度报告已定稿，不能修改正文；如需修改，请先重新打开');
  if (report.version !== input.version) throw new ConflictError();

  const texts: Texts = { ...report.texts };
  const edited = new Set(report.edited);
  const changed: SectionId[] = [];
  for (const id of EDITABLE_SECTIONS) {
    const next = clean(input[id]);
    if (next !== report.texts[id]) {
      texts[id] = next;
      edited.add(id);
      changed.push(id);
    }
  }
  if (!changed.length) return report;
  const findings = await checkReportContent(ctx.db, agency, report.year, {
    cells: report.cells,
    fees: report.fees,
    texts,
  });
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('annual_reports')
      .set({
        texts_json: JSON.stringify(texts),
        edited_json: JSON.stringify([...edited]),
        findings_json: JSON.stringify(findings),
        version: report.version + 1,
        updated_at: now,
      })
      .where('id', '=', report.id)
      .where('version', '=', report.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new ConflictError();
    await recordEvent(trx, ctx, {
      action: 'annual_report.narrative_saved',
      objectType: 'annual_report',
      objectId: report.id,
      agencyId: report.agencyId,
      after: { year: report.year, sections: changed },
    });
  });
  return getReport(ctx.db, report.id);
}
