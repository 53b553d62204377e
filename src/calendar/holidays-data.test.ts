import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { HOLIDAY_NOTICES } from './holidays-data.ts';
import { noticeToInput, validateCalendarYear } from './calendar-year.ts';
import { shippedCalendar } from './test-calendars.ts';
import { addDays, isWeekendDay, toDayNumber } from './dates.ts';
import { statutoryHolidays } from './provisional.ts';

const require = createRequire(import.meta.url);
const data = JSON.parse(fs.readFileSync(require.resolve('chinese-days/dist/chinese-days.json'), 'utf8')) as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};

test('every shipped notice passes the §4.1 load validation and names its source', () => {
  for (const n of HOLIDAY_NOTICES) {
    assert.doesNotThrow(() => validateCalendarYear(noticeToInput(n)));
    assert.match(n.source.title, new RegExp(`^国务院办公厅关于${n.year}年部分节假日安排的通知$`));
    assert.match(n.source.docNo ?? '', /^国办发明电〔\d{4}〕\d+号$/);
    assert.match(n.source.url ?? '', /^https:\/\/www\.gov\.cn\//);
  }
  assert.equal(HOLIDAY_NOTICES.find((n) => n.year === 2025)?.source.docNo, '国办发明电〔2024〕12号');
});

test('2024–2026 agree with the chinese-days package day for day', () => {
  const cal = shippedCalendar();
  let checked = 0;
  for (let d = '2024-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
    const expected = d in data.workdays || (!(d in data.holidays) && !isWeekendDay(toDayNumber(d)));
    assert.equal(
      cal.isWorkday(d),
      expected,
      `${d}: chinese-days says ${expected ? 'working day' : 'rest day'}`,
    );
    const theirs = data.holidays[d] ?? data.workdays[d];
    const status = cal.status(d);
    if (theirs && (status.reason.startsWith('holiday:') || status.reason.startsWith('makeup:'))) {
      // chinese-days names 清明/端午/中秋 without 节; ours is the notice's item name.
      const cn = theirs.split(',')[1]!;
      assert.ok(status.reason.includes(cn), `${d}: ${status.reason} should name ${cn}`);
    }
    checked++;
  }
  assert.equal(checked, 366 + 365 + 365);
});

test('every holiday fixed by the 2024 放假办法 is a rest day in the 2025 and 2026 notices', () => {
  const cal = shippedCalendar();
  for (const year of [2025, 2026]) {
    for (const h of statutoryHolidays(year)) {
      assert.equal(cal.isWorkday(h.date), false, `${h.date} ${h.name}`);
    }
  }
});
