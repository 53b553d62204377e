import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import type { Actor, Ctx } from '../context.ts';
import type { Db } from '../db/database.ts';
import { fixedClock } from '../clock.ts';
import { systemActor } from '../context.ts';
import { seedCalendar } from './seed-calendar.ts';
import { getCalendar } from './get-calendar.ts';
import { loadCalendarYear } from './load-calendar-year.ts';
import { setCalendarDay } from './set-calendar-day.ts';
import {
  addRegionalHoliday,
  removeRegionalHoliday,
  updateRegionalHolidayById,
} from './manage-regional-holidays.ts';
import { onCalendarChanged, type CalendarChange } from './calendar-hooks.ts';
import { listCalendarYearSummaries, listRegionalHolidays } from './calendar.queries.ts';
import type { CalendarYearInput } from './calendar-year.ts';

const clock = fixedClock('2026-11-20T02:00:00Z');

function admin(agencyId: number): Actor {
  return {
    kind: 'user',
    userId: 1,
    name: '管理员甲',
    agencyId,
    officeId: null,
    villageId: null,
    roles: ['admin', 'platform_admin'],
  };
}
function ctxOf(db: Db, actor: Actor = systemActor()): Ctx {
  return { db, actor, clock, meta: { ip: '127.0.0.1' } };
}
async function auditActions(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('audit_events').select('action').orderBy('id').execute();
  return rows.map((r) => r.action);
}
async function createAgency(db: Db, code: string): Promise<number> {
  const now = clock.now().toISOString();
  const r = await db
    .insertInto('agencies')
    .values({
      code,
      name: `${code}人民政府`,
      short_name: code,
      kind: 'township',
      parent_id: null,
      is_people_government: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return Number(r.id);
}

/** A made-up 2027 notice for tests (the real one is not published yet). */
const TEST_2027: CalendarYearInput = {
  year: 2027,
  source: { title: '测试：2027年部分节假日安排', docNo: null, url: null },
  restDays: [
    { date: '2027-02-05', name: '春节' },
    { date: '2027-02-06', name: '春节' },
    { date: '2027-02-07', name: '春节' },
    { date: '2027-02-08', name: '春节' },
    { date: '2027-02-09', name: '春节' },
    { date: '2027-02-10', name: '春节' },
    { date: '2027-02-11', name: '春节' },
  ],
  makeupWorkdays: [{ date: '2027-02-20', name: '春节' }],
};

describeEachDialect('calendar use cases', (t) => {
  test('seeding loads 2024–2026 once, audited; a second run does nothing', async () => {
    const { db } = t();
    assert.deepEqual(await seedCalendar(ctxOf(db)), [2024, 2025, 2026]);
    assert.deepEqual(await seedCalendar(ctxOf(db)), []);
    const years = await listCalendarYearSummaries(db);
    assert.deepEqual(
      years.map((y) => [y.year, y.version, y.source.docNo]),
      [
        [2024, 1, '国办发明电〔2023〕7号'],
        [2025, 1, '国办发明电〔2024〕12号'],
        [2026, 1, '国办发明电〔2025〕7号'],
      ],
    );
    assert.deepEqual(await auditActions(db), [
      'calendar.year_loaded',
      'calendar.year_loaded',
      'calendar.year_loaded',
    ]);
  });

  test('getCalendar reads the seeded years and caches until the data changes', async () => {
    const { db } = t();
    const cal = await getCalendar(db);
    assert.equal(cal.addWorkdays('2026-09-30', 20), '2026-11-03');
    assert.equal(cal.explain('2026-12-31', 1).provisional, true);
    assert.equal(await getCalendar(db), cal, 'unchanged data: the cached calendar');
  });

  test('loading a year: validated, versioned, audited, listeners called in the transaction', async () => {
    const { db } = t();
    const seen: CalendarChange[] = [];
    let dueInside = '';
    const off = onCalendarChanged(async (trx, _ctx, change) => {
      seen.push(change);
      dueInside = (await change.calendar()).addWorkdays('2027-02-04', 1);
      // The listener writes through the same transaction.
      await trx.selectFrom('calendar_years').select('year').execute();
    });
    try {
      const before = await getCalendar(db);
      assert.equal(before.addWorkdays('2027-02-04', 1), '2027-02-11', 'provisional 2027');
      const y = await loadCalendarYear(ctxOf(db, admin(1)), TEST_2027);
      assert.equal(y.version, 1);
      assert.deepEqual(
        seen.map((c) => [c.reason, c.years]),
        [['year_loaded', [2027]]],
      );
      assert.equal(dueInside, '2027-02-12', 'the listener sees the new data');
      const after = await getCalendar(db);
      assert.notEqual(after, before);
      assert.equal(after.addWorkdays('2027-02-04', 1), '2027-02-12');
      assert.equal(after.explain('2027-02-19', 1).date, '2027-02-20', 'make-up Saturday counts');
      assert.equal(after.explain('2027-02-19', 1).provisional, false);
      const again = await loadCalendarYear(ctxOf(db, admin(1)), { ...TEST_2027, makeupWorkdays: [] });
      assert.equal(again.version, 2);
      const audit = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('object_type', '=', 'calendar_year')
        .where('object_id', '=', '2027')
        .orderBy('id')
        .execute();
      assert.equal(audit.length, 2);
      assert.equal(audit[1]!.actor_name, '管理员甲');
      assert.match(audit[1]!.before_json ?? '', /2027-02-20/);
      assert.doesNotMatch(audit[1]!.after_json ?? '', /2027-02-20/);
    } finally {
      off();
    }
  });

  test('bad notices and non-admins are refused, nothing saved', async () => {
    const { db } = t();
    const count = async () => (await listCalendarYearSummaries(db)).length;
    const n = await count();
    const bad: CalendarYearInput[] = [
      { ...TEST_2027, year: 2028, makeupWorkdays: [{ date: '2028-02-21', name: '春节' }] }, // a Monday
      { ...TEST_2027, year: 2028, restDays: [{ date: '2027-12-31', name: '元旦' }] }, // not in the year
      {
        ...TEST_2027,
        year: 2028,
        restDays: [{ date: '2028-01-01', name: '元旦' }],
        makeupWorkdays: [{ date: '2028-01-01', name: '元旦' }],
      },
    ];
    for (const input of bad) {
      await assert.rejects(loadCalendarYear(ctxOf(db, admin(1)), input), { code: 'validation' });
    }
    const clerk: Actor = { ...(admin(1) as Extract<Actor, { kind: 'user' }>), roles: ['clerk'] };
    await assert.rejects(loadCalendarYear(ctxOf(db, clerk), { ...TEST_2027, year: 2028 }), {
      code: 'forbidden',
    });
    assert.equal(await count(), n);
  });

  test('a listener failure rolls the whole load back', async () => {
    const { db } = t();
    const off = onCalendarChanged(async () => {
      throw new Error('recompute failed');
    });
    try {
      await assert.rejects(loadCalendarYear(ctxOf(db, admin(1)), { ...TEST_2027, year: 2029, restDays: [] }));
    } finally {
      off();
    }
    assert.ok(!(await listCalendarYearSummaries(db)).some((y) => y.year === 2029));
  });

  test('editing one day bumps the version and is audited; an unloaded year is refused', async () => {
    const { db } = t();
    const r = await setCalendarDay(ctxOf(db, admin(1)), {
      date: '2026-03-09',
      kind: 'rest',
      name: '测试停工',
    });
    assert.equal(r.version, 2);
    const cal = await getCalendar(db);
    assert.equal(cal.status('2026-03-09').reason, 'holiday:测试停工');
    assert.equal(cal.versionTag('2026-03-01', '2026-03-31'), '2026v2');
    await setCalendarDay(ctxOf(db, admin(1)), { date: '2026-03-09', kind: 'normal' });
    assert.equal((await getCalendar(db)).isWorkday('2026-03-09'), true);
    await assert.rejects(
      setCalendarDay(ctxOf(db, admin(1)), { date: '2026-03-10', kind: 'workday', name: 'x' }),
      {
        code: 'validation',
      },
    );
    await assert.rejects(
      setCalendarDay(ctxOf(db, admin(1)), { date: '2031-03-10', kind: 'rest', name: 'x' }),
      {
        code: 'invalid_state',
      },
    );
    const actions = await auditActions(db);
    assert.equal(actions.filter((a) => a === 'calendar.day_changed').length, 2);
  });

  test('regional holidays count in that agency’s calendar only; add, change, remove are audited', async () => {
    const { db } = t();
    const agencyId = await createAgency(db, `gk${Date.now() % 100000}`);
    const changes: CalendarChange[] = [];
    const off = onCalendarChanged(async (_trx, _ctx, c) => {
      changes.push(c);
    });
    try {
      const h = await addRegionalHoliday(ctxOf(db, admin(agencyId)), agencyId, {
        date: '2026-06-26',
        name: '纳顿节',
        basis: '测试依据',
      });
      const local = await getCalendar(db, agencyId);
      assert.equal(local.status('2026-06-26').reason, 'regional:纳顿节');
      assert.equal((await getCalendar(db)).isWorkday('2026-06-26'), true, 'national calendar unaffected');
      await assert.rejects(
        addRegionalHoliday(ctxOf(db, admin(agencyId)), agencyId, { date: '2026-06-26', name: '重复' }),
        { code: 'conflict' },
      );
      await updateRegionalHolidayById(ctxOf(db, admin(agencyId)), h.id, {
        date: '2026-06-29',
        name: '纳顿节',
      });
      const moved = await getCalendar(db, agencyId);
      assert.equal(moved.isWorkday('2026-06-26'), true);
      assert.equal(moved.isWorkday('2026-06-29'), false);
      await removeRegionalHoliday(ctxOf(db, admin(agencyId)), h.id);
      assert.deepEqual(await listRegionalHolidays(db, agencyId), []);
      assert.equal((await getCalendar(db, agencyId)).isWorkday('2026-06-29'), true);
      assert.deepEqual(
        changes.map((c) => [c.reason, c.agencyId, c.years]),
        [
          ['regional_holiday_added', agencyId, [2026]],
          ['regional_holiday_changed', agencyId, [2026]],
          ['regional_holiday_removed', agencyId, [2026]],
        ],
      );
      const other: Actor = { ...(admin(agencyId + 1000) as Extract<Actor, { kind: 'user' }>) };
      await assert.rejects(
        addRegionalHoliday(ctxOf(db, other), agencyId, { date: '2026-07-01', name: 'x' }),
        { code: 'not_found' }, // another agency's calendar answers like a missing one
      );
      const actions = await auditActions(db);
      assert.equal(actions.filter((a) => a.startsWith('calendar.regional_holiday_')).length, 4);
    } finally {
      off();
    }
  });
});
