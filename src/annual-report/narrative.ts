/**
 * What the narrative says: year, agency, the 信息处理费 statement of section 六, the accountability results a
 * people's government must report (条例第五十条第（四）项), and the counts it quotes, compared with the table
 * (TEXT-TABLE-MISMATCH) and with each other (TEXT-BALANCE).
 */
import { B_ROWS, type CellAddress, type Cells, type Fees } from './report-format.ts';
import type { BodyLevel } from './cross-checks.ts';
import { finding, type Finding } from './finding.ts';
import { normalizeText } from './normalize.ts';

/** Narrative text joined without line breaks (PDF extraction wraps sentences), with a map back to lines. */
export interface Narrative {
  text: string;
  /** lineAt[i] = input line of text[i] (a typed array: one entry per character, allocated once). */
  lineAt: Int32Array;
}

export function makeNarrative(parts: { text: string; line: number }[]): Narrative {
  const texts = parts.map((p) => normalizeText(p.text).trim());
  const text = texts.join('');
  const lineAt = new Int32Array(text.length);
  let at = 0;
  texts.forEach((t, k) => {
    lineAt.fill(parts[k]!.line, at, at + t.length);
    at += t.length;
  });
  return { text, lineAt };
}

// -- year and agency ------------------------------------------------------------------------------------------

/** The reporting year: the statistics period (“2024年1月1日至12月31日”), else the title's year. */
export function detectYear(head: string): number | null {
  const flat = normalizeText(head).replace(/\s+/g, '');
  const period = /(20\d{2})年1月1日(?:起)?至(?:\1年)?12月31日/.exec(flat);
  if (period) return Number(period[1]);
  const title = /(20\d{2})年度?[^。，,]{0,30}?政府信息公开(?:工作)?(?:年度)?报告/.exec(flat);
  if (title) return Number(title[1]);
  const lead = /(20\d{2})年度?/.exec(flat.slice(0, 200));
  return lead ? Number(lead[1]) : null;
}

const AGENCY_END =
  '(?:人民政府办公厅|人民政府办公室|人民政府|街道办事处|办事处|委员会|管理委员会|办公厅|办公室|局|厅|委|办|署|院|中心|所|站|乡|镇|街道)';

/** The agency: the name before “（YYYY年）政府信息公开工作年度报告” in the title, when the title states it. */
export function detectAgency(head: string): string | null {
  const flat = normalizeText(head).replace(/\s+/g, '');
  const patterns = [
    new RegExp(
      `(?:20\\d{2}年度?)([\\p{Script=Han}（）()]{2,30}?${AGENCY_END})(?:20\\d{2}年度?)?政府信息公开`,
      'u',
    ),
    new RegExp(`([\\p{Script=Han}（）()]{2,30}?${AGENCY_END})(?:20\\d{2}年度?)政府信息公开`, 'u'),
  ];
  for (const re of patterns) {
    const m = re.exec(flat);
    if (!m) continue;
    const name = m[1]!.replace(/^.*(?:公布|编制|现将|发布)/, '').replace(/^(?:关于|根据)/, '');
    // A sentence run into the name (“…等六个方面汇报我镇”, “度本乡”) is no name.
    if (/[、，,。]|情况|事项|方面|^(?:本|我|该|度)/.test(name)) continue;
    return name;
  }
  return null;
}

/** Level of the body from its name (for A-REG); null when the name does not tell. */
export function bodyLevelOf(agency: string | null): BodyLevel | null {
  if (!agency) return null;
  if (/(乡|镇|街道)(人民政府|政府|办事处)?$|街道办事处$/.test(agency)) return 'township';
  if (/(县|区|旗|县级市)(人民政府|政府)$/.test(agency)) return 'county_government';
  if (/^[^市省]*[县旗]/.test(agency) || /^[^省]*市[^市]+区/.test(agency)) return 'county_department';
  if (/[省市]/.test(agency)) return 'higher';
  return null;
}

/** A people's government (not one of its departments) must report 考核、评议、追究 results (条例第五十条第（四）项). */
export function isPeoplesGovernment(agency: string | null): boolean {
  return Boolean(agency && /(人民政府|乡|镇|街道办事处)$/.test(agency));
}

// -- fees (section 六) ------------------------------------------------------------------------------------------

const num = (s: string) => Number(s.replace(/,/g, ''));

/** What section 六 states about 信息处理费; null where it is silent. */
export function readFees(text: string): Fees {
  const t = normalizeText(text).replace(/\s+/g, '');
  const fees: Fees = {
    fee_notices_issued: null,
    fee_amount_billed_yuan: null,
    fee_amount_collected_yuan: null,
  };
  const notices = /(?:发出|送达|出具|制发)(?:信息处理费)?收费通知书?(?:共|共计|合计)?(\d+)(?:件|份|次)/.exec(
    t,
  );
  if (notices) fees.fee_notices_issued = num(notices[1]!);
  const billed = /收费通知书?(?:的)?(?:金额|总额)(?:共|共计|合计|为)?([\d,]+(?:\.\d+)?)元/.exec(t);
  if (billed) fees.fee_amount_billed_yuan = num(billed[1]!);
  const collected =
    /(?:收取|收缴|征收)(?:了)?(?:信息(?:公开)?处理费)?(?:共|共计|合计|为)?([\d,]+(?:\.\d+)?)元/.exec(t);
  if (collected) fees.fee_amount_collected_yuan = num(collected[1]!);
  const none = /(?:未|没有|无)(?:发生|产生)?[^。；]{0,12}?(?:收取|收费|收缴)|不收取|未收费|零收费|免收/.test(
    t,
  );
  if (fees.fee_amount_collected_yuan === null && none) fees.fee_amount_collected_yuan = 0;
  if (fees.fee_notices_issued === null && /未(?:发出|出具|制发)(?:信息处理费)?收费通知/.test(t)) {
    fees.fee_notices_issued = 0;
  }
  return fees;
}

/** Does section 六 say anything about 信息处理费? */
export function mentionsFees(text: string): boolean {
  return /处理费|收费|收取费用|费用/.test(normalizeText(text));
}

// -- accountability (条例第五十条第（四）项) ---------------------------------------------------------------------

const ACCOUNTABILITY: { topic: string; re: RegExp }[] = [
  { topic: '工作考核', re: /考核|考评/ },
  { topic: '社会评议', re: /评议/ },
  { topic: '责任追究', re: /责任追究|追究责任|问责|追责/ },
];

let lastOverview: { text: string; flat: string } | null = null;

/** The overview normalised, without whitespace and placeholders (both accountability checks read it: kept once). */
function flatOverview(overview: string): string {
  if (lastOverview?.text !== overview)
    lastOverview = { text: overview, flat: withoutPlaceholders(normalizeText(overview).replace(/\s+/g, '')) };
  return lastOverview.flat;
}

export function checkAccountability(overview: string, line: number | undefined): Finding[] {
  const text = flatOverview(overview);
  const missing = ACCOUNTABILITY.filter((a) => !a.re.test(text)).map((a) => a.topic);
  if (!missing.length) return [];
  return [
    finding(
      'GOV-ACCOUNTABILITY-MISSING',
      `人民政府的年报应在“总体情况”中报告工作考核、社会评议和责任追究结果情况，未见：${missing.join('、')}`,
      [],
      line,
    ),
  ];
}

// -- counts quoted in the narrative ---------------------------------------------------------------------------

type Quantity =
  | 'new_received'
  | 'carried_over'
  | 'closed'
  | 'granted_and_partial'
  | 'granted'
  | 'partially_granted'
  | 'withheld'
  | 'unable'
  | 'not_processed'
  | 'other'
  | 'carried_forward'
  | 'review'
  | 'litigation';

const b = (row: string) => `B.${row}.total` as CellAddress;
const group = (prefix: string) => B_ROWS.filter((r) => r.startsWith(prefix)).map(b);

/** What each quoted quantity means in the table, and how the narrative says it. Longest wording first. */
const QUANTITY_LIST: { id: Quantity; words: string; cells: CellAddress[]; label: string }[] = [
  {
    id: 'carried_over',
    words: '上年结转|上年度结转|上一年度结转',
    cells: [b('carried_over')],
    label: '上年结转',
  },
  {
    id: 'carried_forward',
    words: '结转下一?年度?|结转至下一?年度?|转下一?年度?|转入下一?年度?|结转到下一?年度?',
    cells: [b('carried_forward')],
    label: '结转下年度',
  },
  { id: 'new_received', words: '新收|收到|受理|接收', cells: [b('new_received')], label: '收到申请' },
  { id: 'closed', words: '办结|共办理|办理完结|已办理', cells: [b('result.total')], label: '办结' },
  {
    id: 'granted_and_partial',
    words: '予以公开及部分公开|予以公开和部分公开|予以公开或部分公开',
    cells: [b('result.granted'), b('result.partially_granted')],
    label: '予以公开及部分公开',
  },
  { id: 'granted', words: '予以公开|同意公开|全部公开', cells: [b('result.granted')], label: '予以公开' },
  { id: 'partially_granted', words: '部分公开', cells: [b('result.partially_granted')], label: '部分公开' },
  { id: 'withheld', words: '不予公开', cells: group('result.withheld.'), label: '不予公开' },
  { id: 'unable', words: '无法提供', cells: group('result.unable.'), label: '无法提供' },
  { id: 'not_processed', words: '不予处理', cells: group('result.not_processed.'), label: '不予处理' },
  { id: 'other', words: '其他处理', cells: group('result.other.'), label: '其他处理' },
  { id: 'review', words: '行政复议', cells: ['C.review.total'], label: '行政复议' },
  {
    id: 'litigation',
    words: '行政诉讼',
    cells: ['C.litigation_direct.total', 'C.litigation_after_review.total'],
    label: '行政诉讼',
  },
];
/** The quantities with a pattern for the whole wording (which quantity a match names). */
const QUANTITIES = QUANTITY_LIST.map((q) => ({ ...q, exact: new RegExp(`^(?:${q.words})$`) }));

/** Words allowed between the wording and the number (“收到政府信息公开申请共 34 件”, “不予公开答复 2 件”). */
const GAP =
  '(?:政府信息公开|信息公开|依申请公开|依申请|群众|各类|相关|办理|答复|申请件|申请|案件|共计|合计|总计|共|数量|件数|数为|的|为|有|了|达)*';

/** Any wording, the words allowed after it, and the number (built once; `matchAll` copies it for each text). */
const QUOTED_COUNT = new RegExp(`(${QUANTITIES.map((q) => q.words).join('|')})${GAP}(\\d+)件`, 'g');

export interface QuotedCount {
  id: Quantity;
  value: number;
  line: number | undefined;
  label: string;
  cells: CellAddress[];
}

const flatCache = new WeakMap<Narrative, string>();

/** The narrative without whitespace (computed once per narrative: several checks read it). */
function flatText(n: Narrative): string {
  let flat = flatCache.get(n);
  if (flat === undefined) {
    flat = n.text.replace(/\s+/g, '');
    flatCache.set(n, flat);
  }
  return flat;
}

/** The counts the narrative states, first mention of each. */
export function quotedCounts(n: Narrative): QuotedCount[] {
  const out = new Map<Quantity, QuotedCount>();
  const text = flatText(n);
  const lineOf = (i: number) => n.lineAt[Math.min(i, n.lineAt.length - 1)];
  // “未收到政府信息公开申请”: zero received.
  const none = /(?:未|没有)(?:收到|受理)[^。；，,]{0,12}?申请/.exec(text);
  if (none) {
    const q = QUANTITIES.find((x) => x.id === 'new_received')!;
    out.set('new_received', { id: q.id, value: 0, line: lineOf(none.index), label: q.label, cells: q.cells });
  }
  for (const m of text.matchAll(QUOTED_COUNT)) {
    const word = m[1]!;
    const q = QUANTITIES.find((x) => x.exact.test(word))!;
    // “未收到”, “上年结转” read as 收到/结转 only when not preceded by a negation or by 上年.
    const before = text.slice(Math.max(0, m.index - 1), m.index);
    if (before === '未' || before === '不') continue;
    if (!out.has(q.id)) {
      out.set(q.id, { id: q.id, value: Number(m[2]), line: lineOf(m.index), label: q.label, cells: q.cells });
    }
  }
  return [...out.values()];
}

/** TEXT-TABLE-MISMATCH: a quoted count differs from the table. Checks only counts whose cells are all read. */
export function checkTextAgainstTable(quoted: QuotedCount[], cells: Cells): Finding[] {
  const out: Finding[] = [];
  for (const q of quoted) {
    const values = q.cells.map((c) => cells[c]);
    if (values.some((v) => v === null)) continue;
    const table = (values as number[]).reduce((s, v) => s + v, 0);
    if (table !== q.value) {
      out.push(
        finding('TEXT-TABLE-MISMATCH', `正文称“${q.label}”${q.value}件，表格中为${table}件`, q.cells, q.line),
      );
    }
  }
  return out;
}

/** TEXT-BALANCE: the narrative's own counts break 新收 + 上年结转 = 办结 + 结转下年度, or 办结 = Σ 办理结果. */
export function checkTextBalance(quoted: QuotedCount[]): Finding[] {
  const get = (id: Quantity) => quoted.find((q) => q.id === id)?.value;
  const out: Finding[] = [];
  const results = ['withheld', 'unable', 'not_processed', 'other'] as Quantity[];
  const grantedPart =
    get('granted_and_partial') ??
    (get('granted') !== undefined && get('partially_granted') !== undefined
      ? get('granted')! + get('partially_granted')!
      : undefined);
  const resultValues = [grantedPart, ...results.map(get)];
  const sumResults = resultValues.every((v) => v !== undefined)
    ? (resultValues as number[]).reduce((s, v) => s + v, 0)
    : undefined;
  const closed = get('closed') ?? sumResults;
  const line = quoted[0]?.line;
  if (get('closed') !== undefined && sumResults !== undefined && get('closed') !== sumResults) {
    out.push(
      finding(
        'TEXT-BALANCE',
        `正文所述办结${get('closed')}件，与所述各项办理结果之和${sumResults}件不符`,
        [],
        line,
      ),
    );
  }
  const [received, carried, forward] = [get('new_received'), get('carried_over'), get('carried_forward')];
  if (received !== undefined && carried !== undefined && closed !== undefined && forward !== undefined) {
    if (received + carried !== closed + forward) {
      out.push(
        finding(
          'TEXT-BALANCE',
          `正文所述新收${received}件、上年结转${carried}件，合计${received + carried}件，不等于办结${closed}件加结转下年度${forward}件（${closed + forward}件）`,
          [],
          line,
        ),
      );
    }
  }
  return out;
}

// -- placeholders, title, units ---------------------------------------------------------------------------------

/** Text left to be written: 【待填写】, （请填写…）, XX/×× in place of a name or number. */
const PLACEHOLDER_RE =
  /【[^】]{0,40}(?:填写|补充|待定|填入|待写)[^】]{0,40}】|[（(［[][^）)］\]]{0,40}(?:待填写|请填写|待补充)[^）)］\]]{0,40}[）)］\]]|待填写|请填写|(?<![A-Za-z])(?:XX|xx|ＸＸ)(?![A-Za-z])|××/g;

const PLACEHOLDER_SENTENCE = new RegExp(`(?:${PLACEHOLDER_RE.source})[^。；;\n]*`, 'g');

/** Remove placeholders with the rest of their sentence (“【待填写】考核结果” is no statement of 考核). */
export function withoutPlaceholders(text: string): string {
  return text.replace(PLACEHOLDER_SENTENCE, '');
}

/** PLACEHOLDER-TEXT: a published report still holding text to be written is an error. */
export function checkPlaceholders(n: Narrative): Finding[] {
  const hits = [...n.text.matchAll(PLACEHOLDER_RE)];
  if (!hits.length) return [];
  const lines = [
    ...new Set(hits.map((m) => n.lineAt[m.index]).filter((l): l is number => l !== undefined && l > 0)),
  ];
  const shown = [...new Set(hits.map((m) => m[0]))].slice(0, 3).join('、');
  return [
    finding(
      'PLACEHOLDER-TEXT',
      `报告中有${hits.length}处尚未填写的占位内容（${shown}），发布前应据实填写${
        lines.length ? `（第${lines.slice(0, 5).join('、')}行${lines.length > 5 ? '等' : ''}）` : ''
      }`,
      [],
      lines[0],
    ),
  ];
}

/** The prescribed title: “XX（机关名称）2025年政府信息公开工作年度报告”. */
const TITLE_RE = /^[\p{Script=Han}（）()·]{2,40}?20\d{2}年(?:度)?政府信息公开工作年度报告$/u;

/** TITLE-NONSTANDARD: the title (when the text has one) is not in the prescribed form. */
export function checkTitle(title: string | null, line: number | undefined): Finding[] {
  if (!title) return [];
  const flat = normalizeText(title).replace(/\s+/g, '');
  if (TITLE_RE.test(flat) && !/^关于/.test(flat)) return [];
  return [
    finding(
      'TITLE-NONSTANDARD',
      `标题“${title}”不是规定的形式，应为“（机关名称）${/(20\d{2})/.exec(flat)?.[1] ?? 'XXXX'}年政府信息公开工作年度报告”`,
      [],
      line,
    ),
  ];
}

/** UNIT-HALFWIDTH: “(单位:万元)” with half-width brackets and colon; the format prints “（单位：万元）”. */
export function checkUnitPunctuation(rawLines: { text: string; line: number }[]): Finding[] {
  const hit = rawLines.find((l) => /\(\s*单位\s*[:：]\s*万元\s*\)|（\s*单位\s*:\s*万元\s*）/.test(l.text));
  if (!hit) return [];
  return [
    finding(
      'UNIT-HALFWIDTH',
      '表二“本年收费金额”的单位写作半角“(单位:万元)”，规定格式为全角“（单位：万元）”',
      [],
      hit.line,
    ),
  ];
}

// -- accountability results -------------------------------------------------------------------------------------

/** Words that state a result (not only a mechanism): 考核结果/得分/优秀, 未发生责任追究, 评议满意度 … */
const RESULT_WORDS =
  /结果|得分|分数|优秀|良好|合格|满意|排名|名列|第[一二三四五]名|未发生|没有发生|未出现|无[^，。；]{0,6}(?:追究|问责)|\d+(?:人|次|分|%)/;

/** GOV-ACCOUNTABILITY-NO-RESULT: 考核、评议、追究 described as mechanisms, without any of their results. */
export function checkAccountabilityResults(overview: string, line: number | undefined): Finding[] {
  const text = flatOverview(overview);
  const sentences = text.split(/[。；;！!]/);
  const mentioned = ACCOUNTABILITY.filter((a) => a.re.test(text));
  if (!mentioned.length) return [];
  const withResult = mentioned.filter((a) => sentences.some((s) => a.re.test(s) && RESULT_WORDS.test(s)));
  if (withResult.length) return [];
  return [
    finding(
      'GOV-ACCOUNTABILITY-NO-RESULT',
      `“总体情况”介绍了${mentioned.map((a) => a.topic).join('、')}的机制，但没有报告其结果（如考核结果、评议情况、是否发生责任追究）`,
      [],
      line,
    ),
  ];
}

// -- narrative statements against the tables --------------------------------------------------------------------

/** “均已办结”, “所有申请均已办理完成”, “均获维持”: statements that the tables can contradict. */
export function checkStatements(n: Narrative, cells: Cells): Finding[] {
  const out: Finding[] = [];
  const text = flatText(n);
  const lineOf = (i: number) => n.lineAt[Math.min(i, n.lineAt.length - 1)];
  const forward = cells['B.carried_forward.total'];
  const allClosed =
    /(?:均已|全部|均|已全部)(?:按时|按期|依法|在法定期限内|在规定时间内)?(?:办结|办理完[成毕结]|答复完毕)/.exec(
      text,
    );
  if (allClosed && forward !== null && forward > 0) {
    out.push(
      finding(
        'TEXT-TABLE-MISMATCH',
        `正文称申请“${allClosed[0]}”，但表三“四、结转下年度继续办理”为${forward}件`,
        ['B.carried_forward.total'],
        lineOf(allClosed.index),
      ),
    );
  }
  const upheld = /(?:均|全部)(?:获|被|予以)?维持/.exec(text);
  const pending = (['review', 'litigation_direct', 'litigation_after_review'] as const)
    .map((g) => cells[`C.${g}.pending`])
    .filter((v): v is number => v !== null)
    .reduce((s, v) => s + v, 0);
  if (upheld && pending > 0) {
    out.push(
      finding(
        'TEXT-TABLE-MISMATCH',
        `正文称“${upheld[0]}”，但表四有${pending}件尚未审结`,
        ['C.review.pending', 'C.litigation_direct.pending', 'C.litigation_after_review.pending'],
        lineOf(upheld.index),
      ),
    );
  }
  const inForce = /现行有效(?:的)?(?:行政)?规范性文件(?:共|有|为)?(\d+)件/.exec(text);
  const cell = cells['A.art20_1.normative_documents.in_force'];
  if (inForce && cell !== null && Number(inForce[1]) !== cell) {
    out.push(
      finding(
        'TEXT-TABLE-MISMATCH',
        `正文称现行有效规范性文件${inForce[1]}件，表二中为${cell}件`,
        ['A.art20_1.normative_documents.in_force'],
        lineOf(inForce.index),
      ),
    );
  }
  return out;
}
