import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import {
  dueOn,
  isOnTime,
  noticeEnd,
  periodLabel,
  periodOf,
  previousPeriod,
  afterOpinion,
} from './village-disclosure.ts';
import { formatMoney, maskValues, parseMoney, parseValues, scanValues } from './item-template.ts';
import { DEFAULT_ITEM_TEMPLATES } from './default-templates.ts';
import { checkDecision, type DecisionRecord } from './four-deliberations.ts';
import { heatRow, monthsOf, slotsOfYear } from './disclosure-calendar.ts';
import { financeSummary } from './finance-summary.ts';
import { exifTimeToIso, shrinkPhoto } from './photos.ts';
import { importFinanceXlsx } from './import-finance-xlsx.ts';
import { rawFromForm } from './form-values.ts';

const tpl = (code: string) => DEFAULT_ITEM_TEMPLATES.find((t) => t.code === code)!;

test('due dates, periods and 公示期 (第三十条: monthly finance, quarterly general matters)', () => {
  const cases: [string, string][] = [
    ['2026-01', '2026-02-10'],
    ['2026-12', '2027-01-10'],
    ['2026-Q1', '2026-04-10'],
    ['2026-Q4', '2027-01-10'],
  ];
  for (const [p, d] of cases) assert.equal(dueOn(p), d, p);
  assert.equal(dueOn('2026-Q2', 15), '2026-07-15');
  assert.equal(periodLabel('2026-Q3'), '2026年第三季度');
  assert.equal(periodLabel('2026-03'), '2026年3月');
  assert.equal(periodOf('quarterly', '2026-05-31'), '2026-Q2');
  assert.equal(previousPeriod('quarterly', '2026-01-05'), '2025-Q4');
  assert.equal(previousPeriod('monthly', '2026-01-05'), '2025-12');
  assert.equal(noticeEnd('2026-03-01', 7), '2026-03-07');
  assert.equal(isOnTime({ dueOn: '2026-04-10', publishedOn: '2026-04-10' }), true);
  assert.equal(isOnTime({ dueOn: '2026-04-10', publishedOn: '2026-04-11' }), false);
  assert.equal(isOnTime({ dueOn: null, publishedOn: '2026-04-11' }), true);
  assert.equal(afterOpinion('revise'), 'returned');
  assert.equal(afterOpinion('disagree'), 'township_review');
});

test('money in 元 and 万元 is held in whole 分; malformed amounts get a Chinese message', () => {
  assert.deepEqual(parseMoney('1,234.5', 'yuan'), { value: 123450 });
  assert.deepEqual(parseMoney('１２３４元', 'yuan'), { value: 123400 });
  assert.deepEqual(parseMoney('1.25', 'wan'), { value: 1250000 });
  assert.deepEqual(parseMoney('', 'yuan'), { value: null });
  assert.ok('error' in parseMoney('12.345', 'yuan'));
  assert.ok('error' in parseMoney('-5', 'yuan'));
  assert.equal(formatMoney(123450), '1,234.50');
  assert.equal(formatMoney(1250000, 'wan'), '1.25');
});

test('a finance table whose lines do not add up is refused with the row named; the balance is checked', () => {
  const t = tpl('finance_quarterly');
  const lines = [
    { date: '2026-07-05', voucher: '', summary: '转移支付', income: '30000', expense: '' },
    { date: '2026-08-12', voucher: '', summary: '材料', income: '', expense: '4560.50' },
  ];
  const ok = parseValues(t, {
    opening: '52000',
    lines,
    totalIncome: '30000',
    totalExpense: '4560.50',
    closing: '77439.50',
  });
  assert.deepEqual(ok.errors, {});
  assert.equal(ok.values.totalExpense, 456050);
  const bad = parseValues(t, {
    opening: '52000',
    lines,
    totalIncome: '30000',
    totalExpense: '4560',
    closing: '77440',
  });
  assert.match(
    bad.errors.totalExpense!,
    /合计行“支出合计”为4,560.00元，但.*第1至2行“支出（元）”相加为4,560.50元，相差0.50元/,
  );
  const unbalanced = parseValues(t, {
    opening: '52000',
    lines,
    totalIncome: '30000',
    totalExpense: '4560.50',
    closing: '80000',
  });
  assert.match(unbalanced.errors.closing!, /期末余额/);
  const badCell = parseValues(t, {
    ...ok.values,
    opening: '52000',
    lines: [{ ...lines[0]!, date: '2026-02-30' }],
    totalIncome: '30000',
    totalExpense: '0',
    closing: '82000',
  });
  assert.match(badCell.errors['lines.1.date']!, /第1行“日期”：日期不存在/);
});

test('the scan runs on every field and cell; one tap masks', () => {
  const t = tpl('welfare_recipients');
  const raw = {
    batch: '第二批',
    persons: [{ name: '张三', group: '2社', size: '3', category: '低保', amount: '500' }],
    contact: '联系人手机13912345678，身份证632126198001010011',
  };
  const hits = scanValues(t.fields, raw);
  assert.deepEqual(hits.map((h) => h.kind).sort(), ['id_card', 'mobile']);
  const { raw: masked, masked: n } = maskValues(t.fields, raw);
  assert.equal(n, 2);
  assert.match(String(masked.contact), /139\*{4}5678/);
  assert.equal(scanValues(t.fields, masked).filter((h) => h.severity === 'high').length, 0);
});

test('form names round-trip into raw values (scalars and table rows)', () => {
  const t = tpl('finance_monthly');
  const raw = rawFromForm(t.fields, {
    'v.opening': '100',
    'v.lines.0.date': '2026-01-02',
    'v.lines.0.summary': '电费',
    'v.lines.0.expense': '20',
    'v.lines.0.income': '',
    'v.lines.0.voucher': '',
    'v.totalIncome': '0',
  });
  assert.equal(raw.opening, '100');
  assert.deepEqual(raw.lines, [
    { date: '2026-01-02', voucher: '', summary: '电费', income: '', expense: '20' },
  ]);
});

const decision = (o: Partial<DecisionRecord> = {}): DecisionRecord => ({
  proposedOn: '2026-03-01',
  consultedOn: '2026-03-03',
  partyMeetingOn: '2026-03-05',
  partyTotal: 30,
  partyPresent: 20,
  partyAgree: 11,
  assemblyKind: 'representatives',
  assemblyOn: '2026-03-08',
  assemblyTotal: 36,
  assemblyPresent: 25,
  assemblyAgree: 13,
  ...o,
});

test('四议两公开: order of the four steps, 党员大会 two-thirds quorum, 村民代表会议 two-thirds (第二十六条), majorities', () => {
  assert.deepEqual(checkDecision(decision()), {});
  const cases: [Partial<DecisionRecord>, string][] = [
    [{ consultedOn: '2026-02-28' }, 'consultedOn'],
    [{ assemblyOn: '2026-03-04' }, 'assemblyOn'],
    [{ partyPresent: 19 }, 'partyPresent'],
    [{ partyAgree: 10 }, 'partyAgree'],
    [{ assemblyPresent: 24 }, 'assemblyPresent'],
    [{ assemblyAgree: 12 }, 'assemblyAgree'],
    [{ assemblyKind: 'villager_meeting', assemblyTotal: 50, assemblyPresent: 25 }, 'assemblyPresent'],
  ];
  for (const [o, field] of cases) assert.ok(field in checkDecision(decision(o)), JSON.stringify(o));
  assert.deepEqual(
    checkDecision(
      decision({
        assemblyKind: 'villager_meeting',
        assemblyTotal: 50,
        assemblyPresent: 26,
        assemblyAgree: 14,
      }),
    ),
    {},
  );
});

test('calendar slots and the heatmap row: on time, late, overdue, upcoming', () => {
  const uses = [
    { code: 'finance_quarterly', name: '季度财务', kind: 'finance' as const, cadence: 'quarterly' as const },
  ];
  const items = [
    {
      id: 1,
      villageId: 1,
      code: 'finance_quarterly',
      kind: 'finance' as const,
      period: '2026-Q1',
      dueOn: '2026-04-10',
      status: 'published',
      publishedOn: '2026-04-08',
    },
    {
      id: 2,
      villageId: 1,
      code: 'finance_quarterly',
      kind: 'finance' as const,
      period: '2026-Q2',
      dueOn: '2026-07-10',
      status: 'published',
      publishedOn: '2026-07-20',
    },
  ];
  const slots = slotsOfYear(uses, items, 2026, '2026-12-01');
  assert.deepEqual(
    slots.map((s) => s.state),
    ['on_time', 'late', 'overdue', 'upcoming'],
  );
  const row = heatRow(slots, items, 2026, null);
  assert.deepEqual(
    row.slice(0, 3).map((c) => [c.due, c.onTime]),
    [
      [1, 1],
      [1, 1],
      [1, 1],
    ],
  );
  assert.deepEqual([row[3]!.late, row[6]!.overdue, row[9]!.due], [1, 1, 0]);
  assert.equal(row[3]!.published, 1); // published in April
  assert.deepEqual(monthsOf('2026-Q4'), [10, 11, 12]);
  assert.equal(heatRow(slots, items, 2026, 'party')[0]!.due, 0);
});

test('finance summary in plain words: totals, largest items, change from the last period', () => {
  const s = financeSummary(
    {
      lines: [
        { summary: '电费', expense: 5000 },
        { summary: '修路', expense: 90000 },
        { summary: '租金', income: 200000 },
      ],
      totalIncome: 200000,
      totalExpense: 95000,
      closing: 500000,
    },
    { lines: [], totalIncome: 0, totalExpense: 50000 },
  )!;
  assert.equal(s.largestExpenses[0]!.summary, '修路');
  assert.deepEqual(s.sentences, [
    '本期收入2,000.00元，支出950.00元。',
    '支出最多的是：修路（900.00元）；电费（50.00元）。',
    '支出比上期增加450.00元（+90%）。',
    '期末结余5,000.00元。',
  ]);
});

test('photos: refused by content when not an image, shrunk to 1600 px, EXIF time read as Beijing time', async () => {
  await assert.rejects(shrinkPhoto(new TextEncoder().encode('GIF89a not really')), /不是照片/);
  const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: 'white' } })
    .jpeg()
    .withExif({ IFD2: { DateTimeOriginal: '2026:10:08 09:15:00' } })
    .toBuffer();
  const p = await shrinkPhoto(big);
  assert.deepEqual([p.width, p.height], [1600, 1200]);
  assert.equal(p.takenAt, '2026-10-08T01:15:00.000Z');
  assert.equal((await sharp(p.bytes).metadata()).exif, undefined); // nothing of the camera's metadata is kept
  assert.equal(exifTimeToIso('bad'), null);
});

test('a finance table imported from XLSX keeps every cell as typed; the 合计 row gives the totals', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('收支');
  ws.addRow(['某村2026年第三季度收支明细']);
  ws.addRow(['日期', '凭证号', '摘要', '收入', '支出']);
  ws.addRow([new Date('2026-07-05T00:00:00Z'), '记001', '上级转移支付', 30000, null]);
  ws.addRow(['2026-08-12', '记002', '村道维修材料', null, 4560.5]);
  ws.addRow(['合计', '', '', 30000, 4560.5]);
  const imp = await importFinanceXlsx(new Uint8Array(await wb.xlsx.writeBuffer()));
  assert.deepEqual(imp.lines, [
    { date: '2026-07-05', voucher: '记001', summary: '上级转移支付', income: '30000', expense: '' },
    { date: '2026-08-12', voucher: '记002', summary: '村道维修材料', income: '', expense: '4560.5' },
  ]);
  assert.deepEqual([imp.totalIncome, imp.totalExpense], ['30000', '4560.5']);
  await assert.rejects(importFinanceXlsx(new TextEncoder().encode('no')), /Excel/);
});
