/**
 * gongkai's own JSON export of an annual report (report-check-output.md, “gongkai's own JSON export”): the check
 * object without `file` and `findings`, plus `status`, `generated_at` and each section's `text`.
 * `buildExport` is the one place that shapes it (the generator calls it); `readExport` reads it back for the checker.
 */
import { z } from 'zod';
import {
  CELL_ADDRESSES,
  FEE_FIELDS,
  SECTIONS,
  emptyCells,
  isCellAddress,
  type Cells,
  type Fees,
  type SectionId,
} from './report-format.ts';
import { finding, type Finding } from './finding.ts';
import { makeNarrative } from './narrative.ts';
import type { ParsedReport } from './parse-report.ts';
import { ReportInputError } from './report-input-error.ts';

const nullableNumber = z.number().finite().nullable();

export const AnnualReportExportSchema = z.object({
  format: z.enum(['2021', '2019-trial', 'unknown']),
  year: z.number().int().nullable(),
  agency: z.string().nullable(),
  complete: z.boolean(),
  status: z.enum(['draft', 'final']),
  generated_at: z.string(),
  sections: z.array(
    z.object({
      no: z.string(),
      id: z.enum(SECTIONS.map((s) => s.id) as [SectionId, ...SectionId[]]),
      found: z.boolean(),
      heading: z.string().nullable(),
      text: z.string(),
    }),
  ),
  cells: z.record(z.string(), nullableNumber),
  fees: z.object(
    Object.fromEntries(FEE_FIELDS.map((f) => [f, nullableNumber])) as Record<
      (typeof FEE_FIELDS)[number],
      typeof nullableNumber
    >,
  ),
});
export type AnnualReportExport = z.infer<typeof AnnualReportExportSchema>;

/** Build the export object from a report's content (what `report generate --format json` prints). */
export function buildExport(input: {
  year: number;
  agency: string;
  cells: Cells;
  fees: Fees;
  /** Narrative of each section; a section without text is exported as not found. */
  texts: Partial<Record<SectionId, string>>;
  status: 'draft' | 'final';
  generatedAt: Date;
}): AnnualReportExport {
  const sections = SECTIONS.map((s) => {
    const text = input.texts[s.id];
    return {
      no: s.no,
      id: s.id,
      found: text !== undefined,
      heading: text !== undefined ? s.rendered : null,
      text: text ?? '',
    };
  });
  const cells: Record<string, number | null> = {};
  for (const a of CELL_ADDRESSES) cells[a] = input.cells[a];
  return {
    format: '2021',
    year: input.year,
    agency: input.agency,
    complete: CELL_ADDRESSES.every((a) => input.cells[a] !== null) && sections.every((s) => s.found),
    status: input.status,
    generated_at: input.generatedAt.toISOString(),
    sections,
    cells,
    fees: { ...input.fees },
  };
}

/** Quick test: is this text gongkai's JSON export? */
export function isExportJson(text: string): boolean {
  const t = text.trimStart();
  return t.startsWith('{') && t.includes('"cells"') && t.includes('"generated_at"');
}

/** Read the export back into a ParsedReport. */
export function readExport(name: string, text: string): ParsedReport {
  let data: AnnualReportExport;
  try {
    data = AnnualReportExportSchema.parse(JSON.parse(text));
  } catch {
    throw new ReportInputError('not_report', '文件是 JSON，但不是 gongkai 导出的年度报告格式');
  }
  const unknown = Object.keys(data.cells).filter((k) => !isCellAddress(k));
  if (unknown.length) {
    throw new ReportInputError(
      'not_report',
      `导出文件含有未知的单元格地址：${unknown.slice(0, 3).join('、')}`,
    );
  }
  const cells = emptyCells();
  for (const a of CELL_ADDRESSES) cells[a] = data.cells[a] ?? null;
  const findings: Finding[] = [];
  const sections = SECTIONS.map((s) => {
    const got = data.sections.find((x) => x.id === s.id);
    if (!got?.found) findings.push(finding('SECTION-MISSING', `缺少第${s.no}部分“${s.rendered}”`));
    return {
      no: s.no,
      id: s.id,
      found: Boolean(got?.found),
      heading: got?.heading ?? null,
      line: null,
      text: got?.text ?? '',
    };
  });
  const missingCells = CELL_ADDRESSES.filter((a) => cells[a] === null);
  if (missingCells.length) {
    findings.push(
      finding('TABLE-INCOMPLETE', `导出文件有${missingCells.length}个单元格尚未填写`, missingCells),
    );
  }
  return {
    name,
    source: 'json',
    format: data.format,
    year: data.year,
    agency: data.agency,
    complete: data.complete,
    sections,
    cells,
    cellLines: {},
    confidence: {},
    fees: data.fees,
    narrative: makeNarrative(sections.map((s) => ({ text: s.text, line: 0 }))),
    readingFindings: findings,
    status: data.status,
  };
}
