/**
 * Every check of the spec on a report gongkai holds, run by the checker itself: the content is shaped as
 * gongkai's JSON export, read back by the checker and checked with what the text cannot tell (the body's level,
 * last year's cells, the fee figures). Generator-only findings are added: passages left to write, and closed requests
 * without a table B row.
 */
import {
  buildExport,
  checkReport,
  readExport,
  sortFindings,
  type BodyLevel,
  type Cells,
  type Fees,
  type Finding,
} from '../index.ts';
import { PLACEHOLDER } from './narrative-draft.ts';
import type { Texts } from './report.ts';

export interface ContentToCheck {
  agencyName: string;
  year: number;
  cells: Cells;
  fees: Fees;
  texts: Texts;
  bodyLevel: BodyLevel;
  /** Last year's cells (X-CARRY, X-INFORCE), when a report of year N−1 exists in gongkai. */
  previous: Cells | null;
  /** Closed requests without a table B row (references). */
  unmapped?: string[];
}

const SECTION_NAMES: Partial<Record<keyof Texts, string>> = {
  overview: '一、总体情况',
  problems_improvements: '五、存在的主要问题及改进情况',
  other_matters: '六、其他需要报告的事项',
};

/** Run every check; findings sorted errors first. Pure. */
export function checkContent(c: ContentToCheck): Finding[] {
  const exported = buildExport({
    year: c.year,
    agency: c.agencyName,
    cells: c.cells,
    fees: c.fees,
    texts: c.texts,
    status: 'draft',
    generatedAt: new Date(0),
  });
  const parsed = readExport('report', JSON.stringify(exported));
  const result = checkReport(parsed, { bodyLevel: c.bodyLevel, previous: c.previous, fees: c.fees });
  const findings: Finding[] = [...result.findings];
  for (const [id, name] of Object.entries(SECTION_NAMES)) {
    if (c.texts[id as keyof Texts].includes(PLACEHOLDER)) {
      findings.push({
        rule: 'NARRATIVE-PLACEHOLDER',
        // An error, not a warning: a report cannot be finalised or published half-written.
        severity: 'error',
        message: `“${name}”中仍有标注“${PLACEHOLDER}”的内容，系统中没有相应记录，请据实填写`,
        cells: [],
      });
    }
  }
  if (c.unmapped?.length) {
    findings.push({
      rule: 'X-CASE',
      severity: 'error',
      message: `${c.unmapped.length}件已办结申请的办理结果无法对应表三的行，请先补正：${c.unmapped.slice(0, 5).join('、')}${c.unmapped.length > 5 ? '等' : ''}`,
      cells: [],
    });
  }
  return sortFindings(findings);
}
