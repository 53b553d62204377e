/**
 * Find the six sections of a report (spec §1) and check their numbers, order and headings.
 * A section is found when its heading (or a recognised variant) is present, whatever number stands before it;
 * wrong, missing or repeated numbers are findings, not “not found” (report-check-output.md “Cells”).
 */
import { SECTIONS, type SectionId } from './report-format.ts';
import { finding, type Finding } from './finding.ts';
import { labelKey, splitNumbering } from './normalize.ts';
import { rowParts, type Row } from './rows.ts';

export interface SectionReading {
  no: string;
  id: SectionId;
  found: boolean;
  /** The heading as printed, e.g. “五、存在的问题及改进情况”. */
  heading: string | null;
  /** Index of the heading row in the row stream, or -1. */
  rowIndex: number;
  line: number | null;
}

/** Wordings that are recognisably the section although not the official heading. */
const VARIANTS: Record<SectionId, RegExp> = {
  overview: /总体情况|基本情况|概述/,
  proactive_disclosure: /主动公开/,
  requests: /收到和处理|依申请公开|公开申请情况/,
  review_litigation: /行政复议|行政诉讼/,
  problems_improvements: /存在的?主要?问题|改进情况|整改/,
  other_matters: /其他需要报告|需要报告的事项|其他事项/,
};

/** Table B row labels that start with 一、二、三、四 but are not section headings. */
const TABLE_ROW_KEYS = [
  '本年新收政府信息公开申请数量',
  '上年结转政府信息公开申请数量',
  '本年度办理结果',
  '结转下年度继续办理',
];

interface Candidate {
  index: number;
  line: number;
  text: string;
  key: string;
  number: number | null;
}

const CN = '一二三四五六七八九十';

/** Numbered or official-looking short lines: the candidates for section headings. */
function candidates(rows: Row[]): Candidate[] {
  const out: Candidate[] = [];
  rows.forEach((row, index) => {
    if (row.kind !== 'text' && row.kind !== 'space') return;
    const { labels } = rowParts(row);
    const text = labels[0];
    if (!text || labels.length > 1 || text.length > 60) return;
    const { numbering, rest } = splitNumbering(text);
    const key = labelKey(rest);
    if (key.length < 2 || key.length > 30 || /[。；;]$/.test(text.trim())) return;
    if (TABLE_ROW_KEYS.some((k) => key.startsWith(k))) return;
    if (numbering?.kind === 'cn') {
      out.push({ index, line: row.line, text: text.trim(), key, number: numbering.n });
    } else if (!numbering && SECTIONS.some((s) => labelKey(s.heading) === key)) {
      out.push({ index, line: row.line, text: text.trim(), key, number: null });
    }
  });
  return out;
}

function score(c: Candidate, id: SectionId): number {
  const official = labelKey(SECTIONS.find((s) => s.id === id)!.heading);
  if (c.key === official) return 3;
  if (c.key.includes(official)) return 2;
  return VARIANTS[id].test(c.key) ? 1 : 0;
}

/**
 * Locate the sections. `tableSpan` is the row range of the statistical tables: numbered lines inside it that are
 * not section headings (“三、本年度办理结果” torn from a merged cell) are not headings.
 */
export function readSections(
  rows: Row[],
  tableSpan: { from: number; to: number },
): { sections: SectionReading[]; findings: Finding[] } {
  const all = candidates(rows);
  const taken = new Set<Candidate>();
  const chosen = new Map<SectionId, Candidate>();
  // Best score first (an exact heading beats a variant elsewhere), then document order.
  const pairs = SECTIONS.flatMap((s) => all.map((c) => ({ s, c, score: score(c, s.id) })))
    .filter((x) => x.score > 0)
    .sort((x, y) => y.score - x.score || x.c.index - y.c.index);
  for (const { s, c } of pairs) {
    if (chosen.has(s.id) || taken.has(c)) continue;
    chosen.set(s.id, c);
    taken.add(c);
  }

  const findings: Finding[] = [];
  const sections: SectionReading[] = SECTIONS.map((s) => {
    const c = chosen.get(s.id);
    return {
      no: s.no,
      id: s.id,
      found: Boolean(c),
      heading: c?.text ?? null,
      rowIndex: c?.index ?? -1,
      line: c?.line ?? null,
    };
  });

  for (const s of SECTIONS) {
    const c = chosen.get(s.id);
    if (!c) {
      findings.push(finding('SECTION-MISSING', `缺少第${s.no}部分“${s.rendered}”`));
      continue;
    }
    if (score(c, s.id) < 3) {
      findings.push(
        finding(
          'SECTION-HEADING-NONSTANDARD',
          `标题“${c.text}”不是规定的写法，应为“${s.rendered}”`,
          [],
          c.line,
        ),
      );
    }
    const expected = CN.indexOf(s.no) + 1;
    if (c.number !== expected) {
      const printed = c.number ? `“${CN[c.number - 1]}、”` : '无编号';
      const noSuch = all.some((x) => x.number === expected) ? '' : `（报告中没有“${s.no}、”）`;
      findings.push(
        finding(
          'SECTION-NUMBER-WRONG',
          `“${s.heading}”一节的编号为${printed}，应为“${s.no}、”${noSuch}`,
          [],
          c.line,
        ),
      );
    }
  }

  const order = SECTIONS.map((s) => chosen.get(s.id)).filter((c): c is Candidate => Boolean(c));
  for (let i = 1; i < order.length; i++) {
    if (order[i]!.index < order[i - 1]!.index) {
      findings.push(
        finding(
          'SECTION-ORDER',
          `“${order[i]!.text}”出现在“${order[i - 1]!.text}”之前，与规定顺序不符`,
          [],
          order[i]!.line,
        ),
      );
    }
  }

  // Repeated numbers among the top-level headings: the section headings, and numbered headings outside the
  // tables that are not sections (e.g. “四、下一步改进措施” written as if it were one).
  const numbered = all
    .filter((c) => c.number !== null && (taken.has(c) || c.index < tableSpan.from || c.index > tableSpan.to))
    .sort((x, y) => x.index - y.index);
  const firstByNumber = new Map<number, Candidate>();
  for (const c of numbered) {
    const first = firstByNumber.get(c.number!);
    if (!first) {
      firstByNumber.set(c.number!, c);
      continue;
    }
    const notSection = taken.has(c) ? '' : `；“${splitNumbering(c.text).rest.trim()}”不是年报规定的一节`;
    findings.push(
      finding(
        'SECTION-NUMBER-DUPLICATE',
        `编号“${CN[c.number! - 1]}、”重复：“${c.text}”（第${c.line}行）与“${first.text}”（第${first.line}行）${notSection}`,
        [],
        c.line,
      ),
    );
  }
  return { sections, findings };
}
