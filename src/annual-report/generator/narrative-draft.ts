/**
 * The narrative draft of sections 一, 五 and 六, written from the year's facts. Every number comes from the cells
 * (or the facts behind them), so the text and the tables cannot disagree: the checker's TEXT-TABLE-MISMATCH and
 * TEXT-BALANCE pass on the draft by construction. What gongkai holds no record of is left as a marked gap
 * (PLACEHOLDER) for a person to write — never invented.
 */
import { B_ROWS, SECTIONS, type CellAddress, type Cells, type Fees } from '../report-format.ts';
import type { ReportFacts } from './sources.ts';
import type { Texts } from './report.ts';
import {
  improvementParagraph,
  lastYearAndOpenParagraph,
  supervisionParagraph,
} from '../../supervision/index.ts';

/** Marks a passage a person must write; a report containing it gets a NARRATIVE-PLACEHOLDER error (no 定稿). */
export const PLACEHOLDER = '【待填写】';

export interface DraftInput {
  agencyName: string;
  agencyShortName: string;
  year: number;
  /** A people's government reports 考核、评议、责任追究 results (条例第五十条第（四）项). */
  isPeoplesGovernment: boolean;
  cells: Cells;
  fees: Fees;
  facts: ReportFacts;
}

const n = (cells: Cells, a: string) => cells[a as CellAddress] ?? 0;
const bTotal = (cells: Cells, row: string) => n(cells, `B.${row}.total`);
const groupTotal = (cells: Cells, prefix: string) =>
  B_ROWS.filter((r) => r.startsWith(prefix)).reduce((s, r) => s + bTotal(cells, r), 0);

/** “2026年”-style number with thousands left plain (the checker reads plain digits). */
const yuan = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
const wan = (v: number) => String(Math.round(v * 10000) / 10000);

/**
 * The report's opening paragraph (legal basis, statistics period, where it is published). It names the sections
 * exactly as their headings do (taken from the format, never retyped).
 */
export function preamble(agencyName: string, year: number): string {
  return (
    `本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）第四十九条、第五十条的规定，由${agencyName}编制。` +
    `全文包括${SECTIONS.map((s) => s.heading).join('、')}六个部分。` +
    `本报告所列数据的统计期限为${year}年1月1日至12月31日。本报告在${agencyName}门户网站“政府信息公开”专栏的“信息公开年报”栏目公布。`
  );
}

function proactive(i: DraftInput): string {
  const { cells } = i;
  const lines: string[] = [];
  const p = i.facts.proactive;
  if (p) {
    const cats = p.byCategory.filter((c) => c.count > 0).map((c) => `“${c.name}”${c.count}条`);
    lines.push(
      p.published > 0
        ? `本年度共主动公开政府信息${p.published}条${cats.length ? `，其中${cats.join('、')}` : ''}。`
        : '本年度未新增主动公开政府信息。',
    );
  } else {
    lines.push(`${PLACEHOLDER}本年度主动公开政府信息的数量及分类情况（系统中尚无主动公开记录来源）。`);
  }
  if (cells['A.art20_1.normative_documents.issued'] !== null) {
    lines.push(
      `本年度制发行政规范性文件${n(cells, 'A.art20_1.normative_documents.issued')}件，废止${n(cells, 'A.art20_1.normative_documents.repealed')}件，` +
        `现行有效${n(cells, 'A.art20_1.normative_documents.in_force')}件；作出行政许可决定${n(cells, 'A.art20_5.administrative_licensing.decisions')}个、` +
        `行政处罚决定${n(cells, 'A.art20_6.administrative_penalty.decisions')}个、行政强制决定${n(cells, 'A.art20_6.administrative_coercion.decisions')}个，` +
        `收取行政事业性收费${wan(n(cells, 'A.art20_8.administrative_fees.amount_wan_yuan'))}万元。`,
    );
    lines.push(art20Published(i));
  }
  const v = i.facts.villages;
  if (v) {
    // 村级公开 (村民委员会组织法第三十条): counted from the villages' published items; a gap when there are none.
    const total = v.party + v.affairs + v.finance;
    lines.push(
      total > 0
        ? `${i.year}年全乡${v.villages}个村累计开展党务公开${v.party}次、村务公开${v.affairs}次、财务公开${v.finance}次。`
        : `${PLACEHOLDER}本年度村级党务、村务、财务公开情况（系统中尚无村级公开记录）。`,
    );
  }
  return lines.join('');
}

/**
 * Whether the art. 20 (五)(六)(八) figures were published is said only from the portal's records: each kind with a
 * non-zero figure needs items published in the year in its catalogue column (art20_5, art20_6, art20_8); otherwise
 * the sentence is left 【待填写】 for the admin, naming the empty columns (never "均已按规定公开" on faith).
 */
function art20Published(i: DraftInput): string {
  const { cells } = i;
  const kinds: [string, string, number][] = [
    ['行政许可', 'art20_5', n(cells, 'A.art20_5.administrative_licensing.decisions')],
    [
      '行政处罚、行政强制',
      'art20_6',
      n(cells, 'A.art20_6.administrative_penalty.decisions') +
        n(cells, 'A.art20_6.administrative_coercion.decisions'),
    ],
    ['行政事业性收费', 'art20_8', n(cells, 'A.art20_8.administrative_fees.amount_wan_yuan')],
  ];
  const due = kinds.filter(([, , v]) => v > 0);
  if (!due.length) return '';
  const cats = i.facts.proactive?.byCategory ?? [];
  const published = (code: string) =>
    cats.filter((c) => c.code === code || c.code?.startsWith(`${code}_`)).reduce((s, c) => s + c.count, 0);
  const empty = due.filter(([, code]) => published(code) === 0).map(([label]) => label);
  return empty.length
    ? `${PLACEHOLDER}上述${empty.join('、')}事项的公开情况（门户网站相应栏目本年度没有公开记录）。`
    : `上述事项已在门户网站${due.map(([label, code]) => `“${label}”栏目公开${published(code)}条`).join('、')}。`;
}

function onRequest(i: DraftInput): string {
  const { cells } = i;
  const received = bTotal(cells, 'new_received');
  const carried = bTotal(cells, 'carried_over');
  const parts: string[] = [];
  if (received === 0 && carried === 0) {
    parts.push('本年度未收到政府信息公开申请，无上年结转申请。');
  } else {
    const persons = n(cells, 'B.new_received.natural_person');
    parts.push(
      `本年度新收政府信息公开申请${received}件（自然人${persons}件，法人或其他组织${received - persons}件），上年结转${carried}件；` +
        `办结${bTotal(cells, 'result.total')}件，其中予以公开${bTotal(cells, 'result.granted')}件、部分公开${bTotal(cells, 'result.partially_granted')}件、` +
        `不予公开${groupTotal(cells, 'result.withheld.')}件、无法提供${groupTotal(cells, 'result.unable.')}件、` +
        `不予处理${groupTotal(cells, 'result.not_processed.')}件、其他处理${groupTotal(cells, 'result.other.')}件；` +
        `结转下年度${bTotal(cells, 'carried_forward')}件。`,
    );
    const r = i.facts.requests;
    if (r.answered > 0) {
      parts.push(
        r.answeredLate > 0
          ? `已作出答复的申请中，在法定期限内答复${r.answeredOnTime}件，超过法定期限答复${r.answeredLate}件。`
          : `已作出答复的申请均在法定期限内答复。`,
      );
    }
  }
  const review = n(cells, 'C.review.total');
  const litigation = n(cells, 'C.litigation_direct.total') + n(cells, 'C.litigation_after_review.total');
  parts.push(
    review + litigation === 0
      ? '本年度未发生因政府信息公开引起的行政复议、行政诉讼。'
      : `本年度因政府信息公开被申请行政复议${review}件，被提起行政诉讼${litigation}件，具体结果见第四部分。`,
  );
  return parts.join('');
}

function management(i: DraftInput): string {
  const p = i.facts.proactive;
  const lines = [
    '严格执行“先审查、后公开”，主动公开的政府信息均经承办人初审、站办所负责人复审、分管领导终审并经保密审查后发布；依申请公开的答复经审批后出具告知书，全程登记在案。',
  ];
  if (p && p.late > 0) lines.push(`本年度有${p.late}条主动公开信息未在形成或变更之日起20个工作日内公开。`);
  else if (p) lines.push('本年度主动公开信息均在形成或变更之日起20个工作日内公开。');
  return lines.join('');
}

function platform(i: DraftInput): string {
  const p = i.facts.proactive;
  if (!p || !p.byChannel.length) return `${PLACEHOLDER}本年度使用的政府信息公开平台和渠道情况。`;
  const used = p.byChannel.filter((c) => c.count > 0);
  return `本年度通过${used.map((c) => c.label).join('、')}等渠道发布政府信息，其中${used
    .map((c) => `${c.label}发布${c.count}条`)
    .join('、')}。`;
}

function supervision(i: DraftInput): string {
  if (i.facts.supervision) return supervisionParagraph(i.facts.supervision, i.isPeoplesGovernment);
  return i.isPeoplesGovernment
    ? `${PLACEHOLDER}本年度业务培训、专项督查情况，以及政府信息公开工作考核、社会评议和责任追究结果情况（《条例》第五十条第（四）项；系统中尚无相关记录）。`
    : `${PLACEHOLDER}本年度业务培训、专项督查等监督保障情况（系统中尚无相关记录）。`;
}

function problems(i: DraftInput): string {
  const found: string[] = [];
  const r = i.facts.requests;
  if (r.answeredLate > 0) found.push(`有${r.answeredLate}件依申请公开申请答复超过法定期限`);
  const p = i.facts.proactive;
  if (p && p.late > 0) found.push(`有${p.late}条主动公开信息未在法定时限内公开`);
  const corrected =
    n(i.cells, 'C.review.corrected') +
    n(i.cells, 'C.litigation_direct.corrected') +
    n(i.cells, 'C.litigation_after_review.corrected');
  if (corrected > 0) found.push(`有${corrected}起复议、诉讼案件结果为纠正`);
  const ordinal = ['一', '二', '三', '四', '五', '六'];
  const listed = found.length
    ? `根据系统记录，本年度存在以下问题：${found.map((f, k) => `${ordinal[k]}是${f}`).join('；')}。`
    : '根据系统记录，本年度未发现依申请公开答复逾期、主动公开信息逾期公开等问题。';
  const sv = i.facts.supervision;
  if (sv) return [listed, lastYearAndOpenParagraph(sv), improvementParagraph(sv, p?.late ?? 0)].join('\n');
  return [
    listed,
    `${PLACEHOLDER}上年度报告所列问题的整改落实情况，以及本年度存在的其他主要问题。`,
    `${PLACEHOLDER}下一步改进措施。`,
  ].join('\n');
}

function otherMatters(i: DraftInput): string {
  const f = i.fees;
  const notices = f.fee_notices_issued ?? 0;
  const billed = f.fee_amount_billed_yuan ?? 0;
  const collected = f.fee_amount_collected_yuan ?? 0;
  const fee =
    notices === 0 && collected === 0
      ? '本年度未发出信息处理费收费通知，未收取信息处理费。'
      : `依据《政府信息公开信息处理费管理办法》，本年度发出信息处理费收费通知${notices}件，收费通知金额共计${yuan(billed)}元，` +
        (collected > 0 ? `实际收取信息处理费${yuan(collected)}元。` : '未实际收取信息处理费。');
  return [fee, '本年度无其他需要报告的事项。'].join('\n');
}

/** Draft the narrative of every section (二至四 are the tables; their text is a one-line note). */
export function draftTexts(i: DraftInput): Texts {
  return {
    overview: [
      '（一）主动公开',
      proactive(i),
      '（二）依申请公开',
      onRequest(i),
      '（三）政府信息管理',
      management(i),
      '（四）政府信息公开平台建设',
      platform(i),
      '（五）监督保障',
      supervision(i),
    ].join('\n'),
    proactive_disclosure: '',
    requests: '',
    review_litigation: '',
    problems_improvements: problems(i),
    other_matters: otherMatters(i),
  };
}

/** Sub-heading lines of a section's text: “（一）主动公开”. */
export function isSubheading(line: string): boolean {
  return /^（[一二三四五六七八九十]+）\S{1,20}$/.test(line.trim());
}
