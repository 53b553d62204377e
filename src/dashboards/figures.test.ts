import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { shippedCalendar } from '../calendar/test-calendars.ts';
import { median, outcomeGroupOf, requestFigures, type RequestFigureRow } from './request-figures.ts';
import { publicationFigures, rootsOf } from './publication-figures.ts';

const cal = shippedCalendar();
const row = (p: Partial<RequestFigureRow>): RequestFigureRow => ({
  agencyId: 1,
  status: 'replied',
  receivedOn: '2026-03-02',
  closedOn: '2026-03-10',
  dueOn: '2026-03-30',
  reportRow: 'result.granted',
  ...p,
});

describe('dashboard figures', () => {
  it('requests: month of receipt, month and group of closing, on time against the due date, open buckets', () => {
    const f = requestFigures(
      [
        row({}), // received March, replied in 6 working days, on time
        row({ closedOn: '2026-04-01', dueOn: '2026-03-30', reportRow: 'result.withheld.third_party_rights' }), // late
        row({ status: 'withdrawn', closedOn: '2026-03-05', reportRow: 'result.other.other' }), // no reply
        row({ receivedOn: '2025-12-29', closedOn: '2026-01-05', dueOn: '2026-01-27' }), // carried over
        row({ status: 'accepted', closedOn: null, reportRow: null, dueOn: '2026-12-01' }), // overdue on 12-10
        row({ status: 'extended', closedOn: null, reportRow: null, dueOn: '2026-12-14' }), // soon
        row({ status: 'accepted', closedOn: null, reportRow: null, dueOn: '2027-01-08' }), // later
      ],
      2026,
      '2026-12-10',
      '2026-12-17',
      cal,
    );
    assert.equal(f.receivedByMonth[2], 6);
    assert.equal(f.receivedByMonth[11], 0);
    assert.equal(f.totals.received, 6, 'the carried-over request was received in 2025');
    assert.deepEqual(
      [
        f.closedByMonthAndGroup.granted[2],
        f.closedByMonthAndGroup.withheld[3],
        f.closedByMonthAndGroup.other[2],
      ],
      [1, 1, 1],
    );
    assert.equal(f.closedByMonthAndGroup.granted[0], 1);
    assert.deepEqual(f.repliesByMonth.slice(0, 4), [1, 0, 1, 1]);
    assert.deepEqual(f.onTimeRateByMonth.slice(0, 4), [1, null, 1, 0]);
    // 2026-03-02 → 03-10: 6 working days (03-03 … 03-10); 2025-12-29 → 2026-01-05: 4 (元旦 1–3 January off).
    assert.equal(f.medianDaysByMonth[2], 6);
    assert.equal(f.medianDaysByMonth[0], 4);
    assert.deepEqual(f.openByBucket, { overdue: 1, soon: 1, later: 1 });
    assert.deepEqual(f.totals, { received: 6, closed: 4, replies: 3, onTime: 2 });
  });

  it('median and outcome groups', () => {
    const cases: [number[], number | null][] = [
      [[], null],
      [[5], 5],
      [[9, 1, 4], 4],
      [[1, 2, 3, 10], 2.5],
    ];
    for (const [v, m] of cases) assert.equal(median(v), m);
    assert.equal(outcomeGroupOf('result.unable.not_held'), 'unable');
    assert.equal(outcomeGroupOf('result.partially_granted'), 'partially_granted');
    assert.equal(outcomeGroupOf(null), 'other');
  });

  it('publications: per month on time or late, children rolled up into their top-level category', () => {
    const cats = [
      { id: 1, parentId: null, name: '机构职能', sortOrder: 1 },
      { id: 2, parentId: null, name: '财政信息', sortOrder: 2 },
      { id: 3, parentId: 2, name: '预算', sortOrder: 1 },
      { id: 4, parentId: 3, name: '部门预算', sortOrder: 1 },
    ];
    assert.equal(rootsOf(cats).get(4)!.id, 2);
    const f = publicationFigures(
      [
        { agencyId: 1, publishedOn: '2026-01-10', dueOn: '2026-01-20', categoryId: 4 },
        { agencyId: 1, publishedOn: '2026-01-25', dueOn: '2026-01-20', categoryId: 3 },
        { agencyId: 1, publishedOn: '2026-05-01', dueOn: '2026-05-01', categoryId: 1 },
        { agencyId: 1, publishedOn: '2025-05-01', dueOn: '2025-05-01', categoryId: 1 },
      ],
      2026,
      cats,
      [{ channel: 'portal', count: 3 }],
    );
    assert.deepEqual(f.publishedByMonth.slice(0, 5), [2, 0, 0, 0, 1]);
    assert.deepEqual(f.lateByMonth.slice(0, 1), [1]);
    assert.deepEqual(
      f.byCategory.map((c) => [c.name, c.count]),
      [
        ['机构职能', 1],
        ['财政信息', 2],
      ],
    );
    assert.deepEqual(f.totals, { published: 3, onTime: 2, late: 1 });
  });
});

describe('the median from a histogram', () => {
  it('equals the median of the values one by one (any multiset, negative and zero days included)', async () => {
    const fc = (await import('fast-check')).default;
    const { medianOfHistogram } = await import('../requests/request-summary.ts');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 60 }), { maxLength: 80 }), (values) => {
        const counts = new Map<number, number>();
        for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
        const histogram = [...counts].sort((a, b) => a[0] - b[0]);
        assert.equal(medianOfHistogram(histogram), median(values));
      }),
    );
  });
});
