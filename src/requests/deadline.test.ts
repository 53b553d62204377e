import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeDeadline, computeDueDate, type DeadlineInput } from './deadline.ts';
import { shippedCalendar, syntheticYear } from '../calendar/test-calendars.ts';
import { WorkCalendar } from '../calendar/calendar.ts';
import { addDays } from '../calendar/dates.ts';

const cal = shippedCalendar();

describe('the clock on real calendars (条例第三十条、第三十二条、第三十三条)', () => {
  const cases: { name: string; input: DeadlineInput; due: string; provisional?: boolean }[] = [
    // issue 4 worked examples
    {
      name: 'received 2026-03-02, corrected 2026-03-05: 20 days restart from the 补正',
      input: { receivedOn: '2026-03-02', correctedOn: '2026-03-05' },
      due: '2026-04-02',
    },
    {
      name: '… with a consultation 03-10..03-20: eight paused working days, 清明 skipped',
      input: {
        receivedOn: '2026-03-02',
        correctedOn: '2026-03-05',
        pauses: [{ sentOn: '2026-03-10', answeredOn: '2026-03-20' }],
      },
      due: '2026-04-15',
    },
    {
      name: '… and an extension of 20: 劳动节 skipped, 5月9日 counted',
      input: {
        receivedOn: '2026-03-02',
        correctedOn: '2026-03-05',
        pauses: [{ sentOn: '2026-03-10', answeredOn: '2026-03-20' }],
        extensionDays: 20,
      },
      due: '2026-05-15',
    },
    // 春节 and 国庆 with their make-up days
    {
      name: '春节 2026: 2月14日 and 2月28日 counted',
      input: { receivedOn: '2026-02-10' },
      due: '2026-03-16',
    },
    {
      name: '国庆、中秋 2025: 9月28日 and 10月11日 counted',
      input: { receivedOn: '2025-09-26' },
      due: '2025-10-30',
    },
    {
      name: '补正 restart after 国庆 2025',
      input: { receivedOn: '2025-09-26', correctedOn: '2025-10-09' },
      due: '2025-11-05',
    },
    // 2026 → 2027 boundary
    {
      name: 'due in December 2026, loaded year',
      input: { receivedOn: '2026-12-01' },
      due: '2026-12-29',
      provisional: false,
    },
    {
      name: 'due in January 2027 rests on the provisional 2027 (元旦 skipped)',
      input: { receivedOn: '2026-12-15' },
      due: '2027-01-13',
      provisional: true,
    },
    // pauses
    {
      name: 'no answer: the pause ends when the 15-working-day window closes (第三十二条)',
      input: { receivedOn: '2026-03-02', pauses: [{ sentOn: '2026-03-04' }] },
      due: '2026-04-21',
    },
    {
      name: 'a late answer does not extend the pause past the window',
      input: { receivedOn: '2026-03-02', pauses: [{ sentOn: '2026-03-04', answeredOn: '2026-04-01' }] },
      due: '2026-04-21',
    },
    {
      name: 'overlapping consultations pause their union once',
      input: {
        receivedOn: '2026-03-02',
        correctedOn: '2026-03-05',
        pauses: [
          { sentOn: '2026-03-10', answeredOn: '2026-03-20' },
          { kind: 'co_agency', sentOn: '2026-03-16', answeredOn: '2026-03-24' },
        ],
      },
      due: '2026-04-17',
    },
    // extension
    {
      name: 'extension of 20 without pauses',
      input: { receivedOn: '2026-03-02', extensionDays: 20 },
      due: '2026-04-28',
    },
    // fee window (§5.5, §9 fee_pauses_reply_clock)
    {
      name: 'fee window does not pause the reply clock by default',
      input: { receivedOn: '2026-03-02', fee: { noticeReceivedOn: '2026-03-10', paidOn: '2026-03-13' } },
      due: '2026-03-30',
    },
    {
      name: 'fee window pauses the reply clock when the agency setting is on',
      input: {
        receivedOn: '2026-03-02',
        fee: { noticeReceivedOn: '2026-03-10', paidOn: '2026-03-13' },
        feePausesReplyClock: true,
      },
      due: '2026-04-02',
    },
  ];
  for (const c of cases) {
    test(`${c.name} → ${c.due}`, () => {
      const r = computeDeadline(cal, c.input);
      assert.equal(r.due, c.due);
      assert.equal(r.provisional, c.provisional ?? false);
      assert.deepEqual(computeDueDate(cal, c.input), { due: r.due, provisional: r.provisional });
      assert.equal(r.steps.find((s) => s.event === 'due')?.date, c.due);
    });
  }
});

test('steps explain the computation in order, with articles cited', () => {
  const r = computeDeadline(cal, {
    receivedOn: '2026-03-02',
    correctedOn: '2026-03-05',
    pauses: [{ sentOn: '2026-03-10', answeredOn: '2026-03-20' }],
    extensionDays: 20,
  });
  assert.deepEqual(
    r.steps.map((s) => `${s.date} ${s.event}`),
    [
      '2026-03-02 received',
      '2026-03-05 corrected',
      '2026-03-10 pause_start',
      '2026-03-11 correction_notice_due',
      '2026-03-20 pause_end',
      '2026-04-15 original_due',
      '2026-05-15 due',
    ],
  );
  assert.match(r.steps.find((s) => s.event === 'corrected')!.note, /第三十条/);
  assert.match(r.steps.find((s) => s.event === 'pause_end')!.note, /共8个工作日不计入/);
  assert.match(r.steps.at(-1)!.note, /延长20个工作日.*第40个计入的工作日/);
  assert.equal(r.originalDue, '2026-04-15');
  assert.equal(r.correctionNoticeDue, '2026-03-11');
  assert.equal(r.calendarVersion, '2026v1');
  const paused = r.skipped.filter((s) => s.reason.startsWith('paused:')).map((s) => s.date);
  assert.deepEqual(paused, [
    '2026-03-11',
    '2026-03-12',
    '2026-03-13',
    '2026-03-16',
    '2026-03-17',
    '2026-03-18',
    '2026-03-19',
    '2026-03-20',
  ]);
  assert.ok(r.skipped.some((s) => s.date === '2026-05-01' && s.reason === 'holiday:劳动节'));
  assert.ok(!r.skipped.some((s) => s.date === '2026-05-09'), '5月9日 is a make-up working day');
});

test('the fee payment window is 20 working days from the day after the notice is received', () => {
  const r = computeDeadline(cal, { receivedOn: '2026-03-02', fee: { noticeReceivedOn: '2026-03-10' } });
  assert.equal(r.feePaymentDue, '2026-04-08');
  assert.ok(r.steps.some((s) => s.event === 'fee_payment_due' && s.date === '2026-04-08'));
});

test('a provisional due date says so in its explanation and version', () => {
  const r = computeDeadline(cal, { receivedOn: '2026-12-15' });
  assert.equal(r.provisional, true);
  assert.match(r.steps.at(-1)!.note, /暂定/);
  assert.equal(r.calendarVersion, '2026v1,2027p');
  assert.ok(r.skipped.some((s) => s.date === '2027-01-01' && s.reason === 'holiday:元旦'));
});

test('bad input is refused with a Chinese reason', () => {
  const bad: DeadlineInput[] = [
    { receivedOn: '2026-3-2' },
    { receivedOn: '2026-03-05', correctedOn: '2026-03-02' },
    { receivedOn: '2026-03-02', extensionDays: 21 },
    { receivedOn: '2026-03-02', extensionDays: 0 },
    { receivedOn: '2026-03-02', pauses: [{ sentOn: '2026-03-10', answeredOn: '2026-03-09' }] },
    { receivedOn: '2026-03-02', pauses: [{ sentOn: '2026-03-01' }] },
  ];
  for (const input of bad) {
    assert.throws(
      () => computeDeadline(cal, input),
      (e: Error & { code?: string }) => {
        assert.equal(e.code, 'validation');
        assert.match(e.message, /[\u4e00-\u9fff]/);
        return true;
      },
    );
  }
});

describe('disclosure-rules.md §4.2–4.4 synthetic worked examples', () => {
  const D = '2030-03-01'; // a Friday
  const d = (k: number) => addDays(D, k);
  const synthetic = new WorkCalendar({
    years: [
      syntheticYear(2030, [
        { date: d(3), isWorkday: false, name: '测试假日' },
        { date: d(4), isWorkday: false, name: '测试假日' },
        { date: d(5), isWorkday: false, name: '测试假日' },
        { date: d(8), isWorkday: true, name: '测试假日' },
      ]),
    ],
  });
  test('§4.2: 补正 notice due D+13, reply due D+32', () => {
    const r = computeDeadline(synthetic, { receivedOn: D });
    assert.equal(r.correctionNoticeDue, d(13));
    assert.equal(r.due, d(32));
  });
  test('§4.3: a full 20-day extension moves the due date to D+60', () => {
    assert.equal(computeDeadline(synthetic, { receivedOn: D, extensionDays: 20 }).due, d(60));
  });
  test('§4.4: letter sent D+11, answer D+19 → six paused days, due D+40', () => {
    const r = computeDeadline(synthetic, { receivedOn: D, pauses: [{ sentOn: d(11), answeredOn: d(19) }] });
    assert.equal(r.due, d(40));
    assert.deepEqual(
      r.skipped.filter((s) => s.reason.startsWith('paused:')).map((s) => s.date),
      [d(12), d(13), d(14), d(17), d(18), d(19)],
    );
  });
  test('§4.3 with §4.4: paused days are not counted after the original due date either', () => {
    const r = computeDeadline(synthetic, {
      receivedOn: D,
      pauses: [{ sentOn: d(11), answeredOn: d(19) }],
      extensionDays: 20,
    });
    assert.equal(r.originalDue, d(40));
    // 40 counted working days: the 20 extra days after D+40 plus nothing else paused.
    assert.equal(r.due, synthetic.addWorkdays(d(40), 20));
    assert.equal(synthetic.workdaysBetween(D, r.due) - 6, 40);
  });
});
