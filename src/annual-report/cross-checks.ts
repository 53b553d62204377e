/**
 * 勾稽关系: the arithmetic rules of the annual-report tables (spec/annual-report-format.md §5).
 *
 * The rules are data, expanded from annual-report-format.json (`rules`), and one pure function runs them:
 * `checkCells(cells, context)`. A rule whose inputs include a `null` cell is not run; a CHECK-SKIPPED info finding
 * says so (report-check-output.md "Cells").
 */
import {
  A_CELL_ADDRESSES,
  B_CELL_ADDRESSES,
  B_COLUMNS,
  C_CELL_ADDRESSES,
  DECIMAL_CELL,
  LABELS,
  describeCell,
  formatSpec,
  type BColumnId,
  type CellAddress,
  type Cells,
  type CGroupId,
  type Fees,
} from './report-format.ts';
import { finding, type Finding, type Severity } from './finding.ts';

/** What the reporting body is, for A-REG (立法法: only State Council departments, provinces and 设区的市 make 规章). */
export type BodyLevel = 'township' | 'county_government' | 'county_department' | 'higher';

export interface CheckContext {
  /** Level of the reporting body; A-REG runs only when it is known. */
  bodyLevel?: BodyLevel | null;
  /** Cells of the same body's report for year N−1 (X-CARRY, X-INFORCE run only when given). */
  previous?: Cells | null;
  /** Section 六's 信息处理费 figures (X-FEE). */
  fees?: Fees | null;
}

/** One sum identity: Σ lhs = Σ rhs. */
export interface Identity {
  rule: string;
  severity: Severity;
  lhs: CellAddress[];
  rhs: CellAddress[];
  /** Which column, row or group the identity covers, in the report's words. */
  scope: string;
  /** Chinese message for the failing case, given both sums. */
  message(lhs: number, rhs: number): string;
}

function ruleSpec(id: string) {
  const r = formatSpec.rules.find((x) => x.id === id);
  if (!r) throw new Error(`annual-report-format.json: rule ${id} missing`);
  return r;
}

const bCell = (row: string, col: string) => `B.${row}.${col}` as CellAddress;
const colName = (c: string) => `${LABELS.bColumn[c as BColumnId]}列`;

/** B-BAL, B-RES, B-COL, C-SUM expanded from the JSON rules into one identity per column, row or group. */
export const IDENTITIES: Identity[] = (() => {
  const out: Identity[] = [];
  const bal = ruleSpec('B-BAL');
  for (const c of bal.for_each_column!) {
    out.push({
      rule: bal.id,
      severity: bal.severity,
      lhs: (bal.lhs as string[]).map((r) => bCell(r, c)),
      rhs: (bal.rhs as string[]).map((r) => bCell(r, c)),
      scope: colName(c),
      message: (l, r) => `第一项加第二项之和（${l}）不等于第三项加第四项之和（${r}）：${colName(c)}`,
    });
  }
  const res = ruleSpec('B-RES');
  for (const c of res.for_each_column!) {
    out.push({
      rule: res.id,
      severity: res.severity,
      lhs: (res.lhs as string[]).map((r) => bCell(r, c)),
      rhs: (res.rhs as string[]).map((r) => bCell(r, c)),
      scope: colName(c),
      message: (l, r) => `“（七）总计”（${l}）不等于（一）至（六）各项之和（${r}）：${colName(c)}`,
    });
  }
  const col = ruleSpec('B-COL');
  for (const row of col.for_each_row!) {
    out.push({
      rule: col.id,
      severity: col.severity,
      lhs: [bCell(row, col.lhs_column!)],
      rhs: col.rhs_columns!.map((c) => bCell(row, c)),
      scope: `“${LABELS.bRow[row]}”行`,
      message: (l, r) => `“${LABELS.bRow[row]}”行：总计（${l}）不等于六类申请人之和（${r}）`,
    });
  }
  const sum = ruleSpec('C-SUM');
  for (const g of sum.for_each_group!) {
    out.push({
      rule: sum.id,
      severity: sum.severity,
      lhs: [`C.${g}.${sum.lhs_column}` as CellAddress],
      rhs: sum.rhs_columns!.map((c) => `C.${g}.${c}` as CellAddress),
      scope: `表四“${LABELS.cGroup[g as CGroupId]}”`,
      message: (l, r) =>
        `表四“${LABELS.cGroup[g as CGroupId]}”：总计（${l}）不等于结果维持、结果纠正、其他结果、尚未审结之和（${r}）`,
    });
  }
  return out;
})();

/** Integer/decimal type rules (B-INT, C-INT, A-INT): which cells each covers. */
const TYPE_RULES: { rule: string; severity: Severity; cells: CellAddress[] }[] = [
  { rule: 'A-INT', severity: ruleSpec('A-INT').severity, cells: A_CELL_ADDRESSES },
  { rule: 'B-INT', severity: ruleSpec('B-INT').severity, cells: B_CELL_ADDRESSES },
  { rule: 'C-INT', severity: ruleSpec('C-INT').severity, cells: C_CELL_ADDRESSES },
];

const sumOf = (cells: Cells, list: CellAddress[]) => list.reduce((s, a) => s + (cells[a] as number), 0);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function skipped(rule: string, scopes: string[], nulls: CellAddress[]): Finding {
  const shown = nulls.slice(0, 3).map(describeCell).join('、');
  const more = nulls.length > 3 ? `等${nulls.length}个单元格` : '';
  return finding('CHECK-SKIPPED', `${rule}（${scopes.join('、')}）无法核对：${shown}${more}缺失`, nulls);
}

/** Run every same-year rule (and, with `context.previous`, the cross-year ones) on a cell map. Pure. */
export function checkCells(cells: Cells, context: CheckContext = {}): Finding[] {
  const findings: Finding[] = [];

  for (const t of TYPE_RULES) {
    for (const a of t.cells) {
      const v = cells[a];
      if (v === null) continue;
      const ok = a === DECIMAL_CELL ? isNumber(v) && v >= 0 : Number.isInteger(v) && v >= 0;
      if (!ok) {
        const kind = a === DECIMAL_CELL ? '非负数' : '非负整数';
        findings.push({
          rule: t.rule,
          severity: t.severity,
          message: `${describeCell(a)}应为${kind}（${v}）`,
          cells: [a],
        });
      }
    }
  }

  const skippedByRule = new Map<string, { scopes: string[]; nulls: Set<CellAddress> }>();
  for (const id of IDENTITIES) {
    const inputs = [...id.lhs, ...id.rhs];
    const nulls = inputs.filter((a) => !isNumber(cells[a]));
    if (nulls.length) {
      const s = skippedByRule.get(id.rule) ?? { scopes: [], nulls: new Set() };
      s.scopes.push(id.scope);
      for (const a of nulls) s.nulls.add(a);
      skippedByRule.set(id.rule, s);
      continue;
    }
    const l = sumOf(cells, id.lhs);
    const r = sumOf(cells, id.rhs);
    if (l !== r)
      findings.push({ rule: id.rule, severity: id.severity, message: id.message(l, r), cells: inputs });
  }

  for (const [rule, s] of skippedByRule) findings.push(skipped(rule, s.scopes, [...s.nulls]));

  findings.push(...checkRegulations(cells, context.bodyLevel ?? null));
  if (context.previous) findings.push(...checkAgainstPreviousYear(cells, context.previous));
  if (context.fees) findings.push(...checkFees(cells, context.fees));
  return findings;
}

/** A-REG: a township, county government or county department cannot make 规章, so its 规章 row is 0. */
function checkRegulations(cells: Cells, level: BodyLevel | null): Finding[] {
  const spec = ruleSpec('A-REG');
  const applies = (spec as unknown as { applies_when: { reporting_body_level: string[] } }).applies_when
    .reporting_body_level;
  if (!level || !applies.includes(level)) return [];
  const nonzero = (spec.cells as CellAddress[]).filter((a) => isNumber(cells[a]) && cells[a] !== 0);
  if (!nonzero.length) return [];
  return [
    {
      rule: spec.id,
      severity: spec.severity,
      message: `乡镇、县级人民政府及县级部门无权制定规章，表二“规章”行应为0：${nonzero
        .map((a) => `${LABELS.aColumn[a.split('.')[3]!]}为${cells[a]}`)
        .join('，')}`,
      cells: nonzero,
    },
  ];
}

/** X-CARRY and X-INFORCE (soft): this year's report against last year's. */
function checkAgainstPreviousYear(cells: Cells, previous: Cells): Finding[] {
  const out: Finding[] = [];
  const carry = ruleSpec('X-CARRY');
  for (const c of B_COLUMNS) {
    const now = cells[bCell('carried_over', c)];
    const before = previous[bCell('carried_forward', c)];
    if (isNumber(now) && isNumber(before) && now !== before) {
      out.push({
        rule: carry.id,
        severity: carry.severity,
        message: `本年“二、上年结转政府信息公开申请数量”（${now}）与上年报告“四、结转下年度继续办理”（${before}）不一致：${colName(c)}`,
        cells: [bCell('carried_over', c)],
      });
    }
  }
  const inforce = ruleSpec('X-INFORCE');
  for (const row of inforce.for_each_row!) {
    const a = (col: string) => `A.art20_1.${row}.${col}` as CellAddress;
    const [now, prev, issued, repealed] = [
      cells[a('in_force')],
      previous[a('in_force')],
      cells[a('issued')],
      cells[a('repealed')],
    ];
    if ([now, prev, issued, repealed].every(isNumber) && now !== prev! + issued! - repealed!) {
      out.push({
        rule: inforce.id,
        severity: inforce.severity,
        message: `“${LABELS.aRow[row]}”现行有效件数（${now}）不等于上年现行有效件数（${prev}）加本年制发件数（${issued}）减本年废止件数（${repealed}）`,
        cells: [a('in_force'), a('issued'), a('repealed')],
      });
    }
  }
  return out;
}

/** X-FEE (soft): 逾期未缴费 cases, fee notices and amounts in section 六 agree. */
function checkFees(cells: Cells, fees: Fees): Finding[] {
  const spec = ruleSpec('X-FEE');
  const out: Finding[] = [];
  const push = (message: string, c: CellAddress[] = []) =>
    out.push({ rule: spec.id, severity: spec.severity, message, cells: c });
  const unpaid = cells['B.result.other.fee_unpaid.total'];
  const {
    fee_notices_issued: notices,
    fee_amount_billed_yuan: billed,
    fee_amount_collected_yuan: collected,
  } = fees;
  if (isNumber(unpaid) && isNumber(notices) && unpaid > notices) {
    push(`表三“逾期未按收费通知要求缴纳费用”${unpaid}件，多于第六部分所报发出收费通知${notices}件`, [
      'B.result.other.fee_unpaid.total',
    ]);
  }
  if (isNumber(collected) && collected > 0 && isNumber(notices) && notices === 0) {
    push(`第六部分报告收取信息处理费${collected}元，却未发出收费通知`);
  }
  if (isNumber(collected) && isNumber(billed) && collected > billed) {
    push(`实际收取信息处理费（${collected}元）多于收费通知金额（${billed}元）`);
  }
  return out;
}
