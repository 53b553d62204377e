/**
 * 图解年报: the annual report's key figures, charts and plain-language sentences, built only from the report's
 * cells (and the proactive-disclosure facts its generation recorded), beside last year's published report.
 * Pure. Never built from unfinalised data: a draft report is refused (its numbers may still change).
 */
import type { ChartSpec } from '../../charts/index.ts';
import { InvalidStateError } from '../../errors.ts';
import type { CellAddress, Cells, Fees } from '../report-format.ts';
import type { ReportStatus } from '../generator/report.ts';

export interface GraphicInput {
  agencyName: string;
  year: number;
  status: ReportStatus;
  cells: Cells;
  fees: Fees;
  /** What generation counted of 主动公开 (null for a report imported from elsewhere: not in its tables). */
  proactive: {
    published: number;
    byCategory: { name: string; count: number }[];
    byChannel: { label: string; count: number }[];
  } | null;
  /** Last year's report, when it is finalised or published. */
  previous: { year: number; cells: Cells; fees: Fees } | null;
}

export interface KeyFigure {
  id: string;
  label: string;
  value: number | null;
  unit: string;
  /** The same figure last year (null: no report, or the figure is not in it). */
  previous: number | null;
  /** "比上年增加 3 件" / "与上年持平" / "" */
  change: string;
}

export interface GraphicSection {
  id: string;
  heading: string;
  sentences: string[];
  charts: ChartSpec[];
}

export interface ReportGraphic {
  title: string;
  agencyName: string;
  year: number;
  figures: KeyFigure[];
  sections: GraphicSection[];
}

const RESULT_GROUPS: { id: string; label: string; rows: string[] }[] = [
  { id: 'granted', label: '予以公开', rows: ['result.granted'] },
  { id: 'partially_granted', label: '部分公开', rows: ['result.partially_granted'] },
  { id: 'withheld', label: '不予公开', rows: ['result.withheld.'] },
  { id: 'unable', label: '无法提供', rows: ['result.unable.'] },
  { id: 'not_processed', label: '不予处理', rows: ['result.not_processed.'] },
  { id: 'other', label: '其他处理', rows: ['result.other.'] },
];

const APPLICANTS = [
  ['natural_person', '自然人'],
  ['commercial_enterprise', '商业企业'],
  ['research_institution', '科研机构'],
  ['social_welfare_org', '社会公益组织'],
  ['legal_service_org', '法律服务机构'],
  ['other_org', '其他组织'],
] as const;

const C_GROUPS = [
  ['review', '行政复议'],
  ['litigation_direct', '未经复议直接起诉'],
  ['litigation_after_review', '复议后起诉'],
] as const;
const C_RESULTS = [
  ['upheld', '结果维持'],
  ['corrected', '结果纠正'],
  ['other_result', '其他结果'],
  ['pending', '尚未审结'],
] as const;

function cell(cells: Cells, address: string): number | null {
  return cells[address as CellAddress] ?? null;
}

/** Sum of table B column `total` over rows whose id starts with one of the prefixes. */
function resultSum(cells: Cells, prefixes: string[]): number {
  let s = 0;
  for (const [addr, v] of Object.entries(cells)) {
    if (!addr.startsWith('B.result.') || !addr.endsWith('.total') || addr === 'B.result.total.total')
      continue;
    const row = addr.slice(2, -'.total'.length);
    if (prefixes.some((p) => (p.endsWith('.') ? row.startsWith(p) : row === p))) s += v ?? 0;
  }
  return s;
}

const n = (v: number | null) =>
  v === null ? '—' : new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 4 }).format(v);

/** "比上年增加 3 件" etc. */
export function changeText(value: number | null, previous: number | null, unit: string): string {
  if (value === null || previous === null) return '';
  const d = Math.round((value - previous) * 10000) / 10000;
  if (d === 0) return '与上年持平';
  return `比上年${d > 0 ? '增加' : '减少'} ${n(Math.abs(d))} ${unit}`;
}

function figure(
  id: string,
  label: string,
  unit: string,
  value: (c: Cells, f: Fees) => number | null,
  input: GraphicInput,
): KeyFigure {
  const v = value(input.cells, input.fees);
  const p = input.previous ? value(input.previous.cells, input.previous.fees) : null;
  return { id, label, value: v, unit, previous: p, change: changeText(v, p, unit) };
}

const sum = (...xs: (number | null)[]) =>
  xs.every((x) => x === null) ? null : xs.reduce<number>((a, x) => a + (x ?? 0), 0);

export function reportGraphic(input: GraphicInput): ReportGraphic {
  if (input.status !== 'finalised' && input.status !== 'published')
    throw new InvalidStateError('年度报告尚未定稿，不能生成图解（图解只使用定稿或已发布的数据）');
  const c = input.cells;
  const y = input.year;

  const figures: KeyFigure[] = [
    ...(input.proactive
      ? [
          {
            id: 'published',
            label: '主动公开政府信息',
            value: input.proactive.published,
            unit: '条',
            previous: null,
            change: '',
          } as KeyFigure,
        ]
      : []),
    figure(
      'normative',
      '制发行政规范性文件',
      '件',
      (x) => cell(x, 'A.art20_1.normative_documents.issued'),
      input,
    ),
    figure('received', '收到政府信息公开申请', '件', (x) => cell(x, 'B.new_received.total'), input),
    figure('answered', '办结申请', '件', (x) => cell(x, 'B.result.total.total'), input),
    figure('carried_forward', '结转下年度继续办理', '件', (x) => cell(x, 'B.carried_forward.total'), input),
    figure('fees', '收取信息处理费', '元', (_x, f) => f.fee_amount_collected_yuan ?? null, input),
    figure('review', '行政复议', '件', (x) => cell(x, 'C.review.total'), input),
    figure(
      'litigation',
      '行政诉讼',
      '件',
      (x) => sum(cell(x, 'C.litigation_direct.total'), cell(x, 'C.litigation_after_review.total')),
      input,
    ),
  ];
  const fig = (id: string) => figures.find((f) => f.id === id)!;

  // 一、主动公开
  const proactiveCharts: ChartSpec[] = [];
  const proactiveText: string[] = [];
  if (input.proactive) {
    proactiveText.push(`${y}年共主动公开政府信息 ${input.proactive.published} 条。`);
    if (input.proactive.byCategory.length)
      proactiveCharts.push({
        kind: 'bar',
        id: 'g-pub-category',
        title: `${y}年主动公开信息（按目录分类）`,
        orientation: 'horizontal',
        valueLabel: '信息（条）',
        categories: input.proactive.byCategory.map((b) => ({ label: b.name })),
        values: input.proactive.byCategory.map((b) => b.count),
      });
    if (input.proactive.byChannel.some((b) => b.count > 0))
      proactiveCharts.push({
        kind: 'bar',
        id: 'g-pub-channel',
        title: `${y}年各渠道发布次数`,
        orientation: 'horizontal',
        valueLabel: '次数',
        categories: input.proactive.byChannel.map((b) => ({ label: b.label })),
        values: input.proactive.byChannel.map((b) => b.count),
      });
  }
  const licensing = cell(c, 'A.art20_5.administrative_licensing.decisions');
  const penalty = cell(c, 'A.art20_6.administrative_penalty.decisions');
  const coercion = cell(c, 'A.art20_6.administrative_coercion.decisions');
  const feesWan = cell(c, 'A.art20_8.administrative_fees.amount_wan_yuan');
  proactiveText.push(
    `制发行政规范性文件 ${n(fig('normative').value)} 件${fig('normative').change ? `，${fig('normative').change}` : ''}；` +
      `现行有效 ${n(cell(c, 'A.art20_1.normative_documents.in_force'))} 件。` +
      `作出行政许可 ${n(licensing)} 件、行政处罚 ${n(penalty)} 件、行政强制 ${n(coercion)} 件，收取行政事业性收费 ${n(feesWan)} 万元。`,
  );
  proactiveCharts.push({
    kind: 'bar',
    id: 'g-art20',
    title: `${y}年行政许可、处罚、强制决定数（条例第二十条）`,
    orientation: 'horizontal',
    valueLabel: '决定（件）',
    categories: [{ label: '行政许可' }, { label: '行政处罚' }, { label: '行政强制' }],
    values: [licensing, penalty, coercion],
  });

  // 二、依申请公开
  const received = fig('received').value ?? 0;
  const carried = cell(c, 'B.carried_over.total') ?? 0;
  const answered = fig('answered').value ?? 0;
  const groups = RESULT_GROUPS.map((g) => ({ ...g, value: resultSum(c, g.rows) }));
  const requestText = [
    `全年新收政府信息公开申请 ${n(received)} 件${fig('received').change ? `，${fig('received').change}` : ''}；上年结转 ${n(carried)} 件。`,
    answered > 0
      ? `办结 ${n(answered)} 件，其中` +
        groups
          .filter((g) => g.value > 0)
          .map((g) => `${g.label} ${g.value} 件（${Math.round((g.value / answered) * 1000) / 10}%）`)
          .join('，') +
        `；${n(fig('carried_forward').value)} 件结转下年度继续办理。`
      : `本年度没有办结的申请；${n(fig('carried_forward').value)} 件结转下年度继续办理。`,
  ];
  const requestCharts: ChartSpec[] = [
    {
      kind: 'donut',
      id: 'g-results',
      title: `${y}年申请办理结果`,
      slices: groups.map((g) => ({ label: g.label })),
      values: groups.map((g) => g.value),
      totalLabel: '件办结',
    },
    {
      kind: 'bar',
      id: 'g-applicants',
      title: `${y}年新收申请（按申请人）`,
      orientation: 'horizontal',
      valueLabel: '申请（件）',
      categories: APPLICANTS.map(([, label]) => ({ label })),
      values: APPLICANTS.map(([id]) => cell(c, `B.new_received.${id}`)),
    },
  ];
  if (input.previous) {
    const p = input.previous.cells;
    requestCharts.push({
      kind: 'stacked-bar',
      id: 'g-compare',
      title: `申请数量与上年对比`,
      orientation: 'horizontal',
      categories: [{ label: `${input.previous.year}年` }, { label: `${y}年` }],
      series: [
        { label: '新收申请', values: [cell(p, 'B.new_received.total'), cell(c, 'B.new_received.total')] },
        { label: '上年结转', values: [cell(p, 'B.carried_over.total'), cell(c, 'B.carried_over.total')] },
      ],
    });
  }

  // 三、收费
  const feeText = [
    `全年发出收费通知 ${n(input.fees.fee_notices_issued ?? null)} 次，应收信息处理费 ${n(input.fees.fee_amount_billed_yuan ?? null)} 元，实收 ${n(input.fees.fee_amount_collected_yuan ?? null)} 元${fig('fees').change ? `，${fig('fees').change}` : ''}。`,
  ];

  // 四、复议诉讼
  const cTotal = (g: string) => cell(c, `C.${g}.total`) ?? 0;
  const appealText = [
    `因政府信息公开被申请行政复议 ${n(fig('review').value)} 件${fig('review').change ? `（${fig('review').change}）` : ''}，` +
      `被提起行政诉讼 ${n(fig('litigation').value)} 件${fig('litigation').change ? `（${fig('litigation').change}）` : ''}；` +
      `其中结果被纠正 ${C_GROUPS.reduce((s, [g]) => s + (cell(c, `C.${g}.corrected`) ?? 0), 0)} 件。`,
  ];
  const appealCharts: ChartSpec[] = C_GROUPS.some(([g]) => cTotal(g) > 0)
    ? [
        {
          kind: 'stacked-bar',
          id: 'g-appeals',
          title: `${y}年行政复议、行政诉讼结果`,
          orientation: 'horizontal',
          categories: C_GROUPS.map(([, label]) => ({ label })),
          series: C_RESULTS.map(([col, label]) => ({
            label,
            values: C_GROUPS.map(([g]) => cell(c, `C.${g}.${col}`)),
          })),
        },
      ]
    : [];

  return {
    title: `图解：${input.agencyName}${y}年政府信息公开工作年度报告`,
    agencyName: input.agencyName,
    year: y,
    figures,
    sections: [
      { id: 'proactive', heading: '一、主动公开', sentences: proactiveText, charts: proactiveCharts },
      { id: 'requests', heading: '二、依申请公开', sentences: requestText, charts: requestCharts },
      { id: 'fees', heading: '三、信息处理费', sentences: feeText, charts: [] },
      { id: 'appeals', heading: '四、行政复议和行政诉讼', sentences: appealText, charts: appealCharts },
    ],
  };
}
