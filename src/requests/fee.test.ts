import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  countFee,
  countFeeOfNth,
  feeCandidates,
  feePaymentDue,
  monthlyCountFee,
  monthlyOrdinals,
  requestFee,
  volumeFee,
} from './fee.ts';
import { shippedCalendar } from '../calendar/test-calendars.ts';

describe('按件 progressive per applicant per calendar month (办法第四条; disclosure-rules.md §5.2)', () => {
  const totals: [number, number][] = [
    [0, 0],
    [10, 0],
    [11, 100],
    [30, 2000],
    [31, 2200],
    [45, 5500],
    [50, 7000],
  ];
  for (const [count, yuan] of totals) {
    test(`${count} requests in a month → ${yuan}元`, () => assert.equal(monthlyCountFee(count), yuan));
  }
  test('the k-th request of the month', () => {
    const byK: [number, number][] = [
      [1, 0],
      [10, 0],
      [11, 100],
      [30, 100],
      [31, 200],
      [40, 200],
      [41, 300],
      [50, 300],
      [51, 400],
    ];
    for (const [k, yuan] of byK) assert.equal(countFeeOfNth(k), yuan, `k = ${k}`);
  });
  test('the §5.2 table for 45 requests: 0 + 2,000 + 2,000 + 1,500', () => {
    assert.equal(countFee(0, 10), 0);
    assert.equal(countFee(10, 20), 2000);
    assert.equal(countFee(30, 10), 2000);
    assert.equal(countFee(40, 5), 1500);
  });
});

describe('按量 per-page tiers (办法第五条; disclosure-rules.md §5.3)', () => {
  const cases: [number, number][] = [
    [0, 0],
    [30, 0],
    [31, 10],
    [100, 700],
    [150, 1700],
    [200, 2700],
    [250, 4700],
  ];
  for (const [pages, yuan] of cases) {
    test(`${pages} pages → ${yuan}元`, () => assert.equal(volumeFee(pages), yuan));
  }
});

test('one method per request, never both (办法第三条)', () => {
  assert.equal(requestFee({ method: 'none', earlierThisMonth: 40, pages: 300 }), 0);
  assert.equal(requestFee({ method: 'by_count', earlierThisMonth: 30, pages: 300 }), 200);
  assert.equal(requestFee({ method: 'by_volume', earlierThisMonth: 30, pages: 150 }), 1700);
  assert.deepEqual(feeCandidates(30, 150), { byCount: 200, byVolume: 1700 });
  assert.throws(() => requestFee({ method: 'by_volume' }), { code: 'validation' });
  assert.throws(() => volumeFee(-1), { code: 'validation' });
  assert.throws(() => countFeeOfNth(0), { code: 'validation' });
});

test('monthly ordinals count per applicant per calendar month in order of receipt', () => {
  const ordinals = monthlyOrdinals([
    { applicantKey: 'A', receivedOn: '2026-03-31' },
    { applicantKey: 'A', receivedOn: '2026-03-02' },
    { applicantKey: 'B', receivedOn: '2026-03-05' },
    { applicantKey: 'A', receivedOn: '2026-04-01' },
    { applicantKey: 'A', receivedOn: '2026-03-15' },
  ]);
  assert.deepEqual(ordinals, [3, 1, 1, 1, 2]);
});

test('the payment window ends on the 20th working day after the notice is received', () => {
  assert.deepEqual(feePaymentDue(shippedCalendar(), '2026-03-10'), {
    date: '2026-04-08',
    provisional: false,
  });
});
