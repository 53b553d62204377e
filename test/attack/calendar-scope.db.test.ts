/**
 * Attack: any agency's admin loads or edits the national working-day calendar that every agency's deadlines use.
 * Only the platform role may; an agency admin edits only its own regional holidays; every national change is in
 * every agency's audit log.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../support/db.ts';
import { ctxAs, makeAgency, makeUser, systemCtx, userActor } from '../support/factories.ts';
import { fixedClock } from '../../src/clock.ts';
import { seedCalendar } from '../../src/calendar/seed-calendar.ts';
import { loadCalendarYear } from '../../src/calendar/load-calendar-year.ts';
import { setCalendarDay } from '../../src/calendar/set-calendar-day.ts';
import { addRegionalHoliday } from '../../src/calendar/manage-regional-holidays.ts';
import { listAuditEvents } from '../../src/audit/audit.queries.ts';
import { createUser, resetPassword } from '../../src/org/manage-users.ts';

const clock = fixedClock('2026-11-05T02:00:00Z');
const YEAR_2027 = {
  year: 2027,
  source: { title: '测试：2027年部分节假日安排', docNo: null, url: null },
  restDays: [{ date: '2027-01-01', name: '元旦' }],
  makeupWorkdays: [],
};

describeEachDialect('attack: the national calendar', (t) => {
  test('an agency admin cannot load or edit it; a platform admin can, and every agency’s auditor sees it', async () => {
    const { db } = t();
    await seedCalendar(systemCtx(db, clock));
    const townA = await makeAgency(db);
    const townB = await makeAgency(db);
    const admin = await makeUser(db, townA.id, ['admin']);
    const asAdmin = ctxAs(db, userActor(admin), clock);
    await assert.rejects(loadCalendarYear(asAdmin, YEAR_2027), { code: 'forbidden' });
    await assert.rejects(setCalendarDay(asAdmin, { date: '2026-12-07', kind: 'rest', name: '自定' }), {
      code: 'forbidden',
    });
    // Its own regional holidays it still edits.
    await addRegionalHoliday(asAdmin, townA.id, { date: '2026-12-08', name: '地方节日' });
    await assert.rejects(addRegionalHoliday(asAdmin, townB.id, { date: '2026-12-08', name: '越权' }));

    const platform = await makeUser(db, townB.id, ['platform_admin']);
    await loadCalendarYear(ctxAs(db, userActor(platform), clock), YEAR_2027);
    for (const agencyId of [townA.id, townB.id]) {
      const { rows } = await listAuditEvents(
        db,
        { agencyIds: [agencyId], action: 'calendar.year_loaded' },
        10,
      );
      assert.ok(
        rows.some((r) => r.actorUserId === platform.id),
        `the auditor of agency ${agencyId} sees the national change`,
      );
    }
  });

  test('an agency admin can neither grant the platform role nor take over a platform admin of its agency', async () => {
    const { db } = t();
    const town = await makeAgency(db);
    const admin = await makeUser(db, town.id, ['admin']);
    const platform = await makeUser(db, town.id, ['platform_admin']);
    const asAdmin = ctxAs(db, userActor(admin), clock);
    await assert.rejects(
      createUser(asAdmin, town.id, {
        username: `p${platform.id}x`,
        displayName: '自封平台管理员',
        roles: ['platform_admin'],
        officeId: null,
        villageId: null,
        phone: '',
        email: '',
      }),
      { code: 'forbidden' },
    );
    await assert.rejects(resetPassword(asAdmin, platform.id), { code: 'forbidden' });
  });
});
