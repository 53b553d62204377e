import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { monthGrid } from './month-grid.ts';
import { shippedCalendar } from './test-calendars.ts';

// The official 2026 schedule as the chinese-days package records it (the project's reference data).
const require = createRequire(import.meta.url);
const data = JSON.parse(fs.readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8')) as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

test('every 2026 date sits under its own weekday, every day is drawn and marked as the official schedule says', () => {
  const cal = shippedCalendar();
  let drawn = 0;
  for (let m = 1; m <= 12; m++) {
    const weeks = monthGrid(cal, 2026, m);
    for (const w of weeks) assert.equal(w.length, 7);
    const days = weeks.flat().filter((d) => d !== null);
    const last = new Date(Date.UTC(2026, m, 0)).getUTCDate();
    assert.deepEqual(
      days.map((d) => d.day),
      Array.from({ length: last }, (_, i) => i + 1),
      `month ${m}: every day drawn once, in order`,
    );
    weeks.forEach((w) =>
      w.forEach((d, col) => {
        if (!d) return;
        drawn++;
        // JavaScript's own weekday of the date: 0 = Sunday; column 0 = Monday.
        const jsDay = new Date(`${d.date}T12:00:00Z`).getUTCDay();
        assert.equal(col, (jsDay + 6) % 7, `${d.date} under the wrong weekday`);
        const weekend = jsDay === 0 || jsDay === 6;
        const expected =
          d.date in data.workdays
            ? 'makeup'
            : d.date in data.holidays && !weekend
              ? 'holiday'
              : weekend
                ? d.date in data.holidays
                  ? ['holiday', 'weekend']
                  : ['weekend']
                : 'workday';
        if (Array.isArray(expected)) assert.ok(expected.includes(d.kind), `${d.date}: ${d.kind}`);
        else assert.equal(d.kind, expected, `${d.date}: ${d.kind}, chinese-days says ${expected}`);
        assert.doesNotMatch(d.label, /[a-z]+:/, `${d.date}: label shows a code`);
      }),
    );
  }
  assert.equal(drawn, 365);
});

test('worked examples of 2026', () => {
  const cal = shippedCalendar();
  const find = (date: string) =>
    monthGrid(cal, 2026, Number(date.slice(5, 7)))
      .flatMap((w, row) => w.map((d, col) => ({ d, row, col })))
      .find((x) => x.d?.date === date)!;
  // 1 February 2026 is a Sunday: the first row holds only it, in the last column.
  assert.deepEqual([find('2026-02-01').row, find('2026-02-01').col], [0, 6]);
  // 14 February (Saturday) and 28 February (Saturday) are 调休 working days for 春节.
  assert.equal(find('2026-02-14').d!.kind, 'makeup');
  assert.equal(find('2026-02-14').col, 5);
  assert.equal(find('2026-02-14').d!.label, '调休上班日（春节）');
  assert.equal(find('2026-02-28').d!.kind, 'makeup');
  // 1 January is a Thursday holiday; 4 January (Sunday) is a 调休 working day.
  assert.deepEqual([find('2026-01-01').col, find('2026-01-01').d!.kind], [3, 'holiday']);
  assert.equal(find('2026-01-04').d!.kind, 'makeup');
  assert.equal(find('2026-10-01').d!.label, '法定节假日（国庆节）');
});
