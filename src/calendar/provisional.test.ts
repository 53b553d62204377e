import { test } from 'node:test';
import assert from 'node:assert/strict';
import { provisionalRestDays, statutoryHolidays } from './provisional.ts';
import { isWeekendDay, toDayNumber } from './dates.ts';

const table = (year: number) => provisionalRestDays(year).map((d) => `${d.date} ${d.name}`);

test('2027: 春节 from 除夕 (2月5日) to 初三, 补假 for the weekend days on the next weekdays', () => {
  assert.deepEqual(table(2027), [
    '2027-01-01 元旦',
    '2027-02-05 春节', // 除夕 (腊月廿九: 2026's 腊月 has 29 days)
    '2027-02-06 春节', // 正月初一, Saturday
    '2027-02-07 春节', // Sunday
    '2027-02-08 春节',
    '2027-02-09 春节补假',
    '2027-02-10 春节补假',
    '2027-04-05 清明节',
    '2027-05-01 劳动节', // Saturday
    '2027-05-02 劳动节', // Sunday
    '2027-05-03 劳动节补假',
    '2027-05-04 劳动节补假',
    '2027-06-09 端午节', // 五月初五
    '2027-09-15 中秋节', // 八月十五
    '2027-10-01 国庆节',
    '2027-10-02 国庆节', // Saturday
    '2027-10-03 国庆节', // Sunday
    '2027-10-04 国庆节补假',
    '2027-10-05 国庆节补假',
  ]);
});

test('the seven holidays of 《放假办法》第二条 total 13 days in every year', () => {
  for (let y = 2025; y <= 2040; y++) {
    const days = statutoryHolidays(y);
    // 中秋 can fall within 国庆 (then one day carries both names), so count names, not dates.
    const total = days.reduce((s, d) => s + d.name.split('、').length, 0);
    assert.equal(total, 13, `year ${y}`);
  }
});

test('a 补假 is always a weekday that is not itself a holiday, one per weekend holiday day', () => {
  for (let y = 2025; y <= 2040; y++) {
    const all = provisionalRestDays(y);
    const holidays = all.filter((d) => d.kind === 'holiday');
    const inLieu = all.filter((d) => d.kind === 'in_lieu');
    const onWeekend = holidays.filter((d) => isWeekendDay(toDayNumber(d.date))).length;
    assert.equal(inLieu.length, onWeekend, `year ${y}`);
    for (const d of inLieu) assert.equal(isWeekendDay(toDayNumber(d.date)), false, d.date);
    assert.equal(new Set(all.map((d) => d.date)).size, all.length, `no duplicate dates in ${y}`);
  }
});

test('中秋 on 国庆 (2020-10-01) is one day with both names', () => {
  const d = statutoryHolidays(2020).find((h) => h.date === '2020-10-01');
  assert.equal(d?.name, '中秋节、国庆节');
});

test('lunar dates do not shift with the process time zone', () => {
  const prev = process.env.TZ;
  process.env.TZ = 'America/Los_Angeles';
  try {
    const h = statutoryHolidays(2027);
    assert.deepEqual(
      h.filter((d) => d.name === '春节' || d.name === '清明节').map((d) => d.date),
      ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-04-05'],
    );
    assert.equal(process.env.TZ, 'America/Los_Angeles', 'restored');
  } finally {
    if (prev === undefined) delete process.env.TZ;
    else process.env.TZ = prev;
  }
});
