/**
 * The county's dashboards read every agency below in a few queries (one tree read; calendars, settings and counts in
 * batch). They must give, agency by agency, exactly what the per-agency computation gives: the rows of that agency,
 * its own calendar (with its regional holidays), its own alert settings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { ctxAs, makeAgency, makeUser, systemCtx, userActor } from '../../test/support/factories.ts';
import { prepareDatabase } from '../setup.ts';
import { fixedClock } from '../clock.ts';
import { generateRequests } from '../requests/generate-requests.ts';
import { insertPublication } from '../annual-report/generator/testing/year-of-data.ts';
import { ensureCatalogue, listCategories } from '../publications/index.ts';
import { getCalendar, getCalendars } from '../calendar/get-calendar.ts';
import { addRegionalHoliday } from '../calendar/manage-regional-holidays.ts';
import { writeSetting } from '../settings/agency-settings.ts';
import { REQUEST_SETTINGS, dueSoonHorizon } from '../requests/index.ts';
import { requestDashboard } from './request-dashboard.ts';
import { publicationDashboard } from './publication-dashboard.ts';
import { requestFigures, type RequestFigureRow } from './request-figures.ts';
import { publicationFigures } from './publication-figures.ts';
import { CHANNELS } from '../publications/index.ts';

const clock = fixedClock('2026-06-15T02:00:00Z');

describeEachDialect('county dashboards in batch', (t) => {
  test('every agency’s figures equal its own computation', async () => {
    const db = t().db;
    await prepareDatabase(db, clock);
    const county = await makeAgency(db, { kind: 'county', parentId: null });
    const towns = [
      await makeAgency(db, { parentId: county.id }),
      await makeAgency(db, { parentId: county.id }),
      await makeAgency(db, { kind: 'department', parentId: county.id }),
    ];
    const admin = await makeUser(db, towns[0]!.id, ['admin']);
    await addRegionalHoliday(ctxAs(db, userActor(admin), clock), towns[0]!.id, {
      date: '2026-06-08',
      name: '地方节日',
    });
    // Another alert horizon for one agency.
    await writeSetting(
      db,
      towns[1]!.id,
      REQUEST_SETTINGS,
      { ...REQUEST_SETTINGS.fallback, alertDays: [7, 2] },
      clock.now(),
    );
    for (const [i, a] of towns.entries()) {
      await generateRequests(db, a.id, 2026, 40 + i * 15, i + 3);
      await ensureCatalogue(systemCtx(db, clock), a.id);
      const user = await makeUser(db, a.id, ['drafter']);
      for (let k = 0; k < 6 + i; k++)
        await insertPublication(db, a.id, user.id, {
          category: k % 2 ? 'art20_1' : 'notices',
          title: `条目${i}-${k}`,
          publishedOn: `2026-0${1 + (k % 6)}-1${k % 9}`,
          dueOn: `2026-0${1 + (k % 6)}-15`,
          channels: k % 3 ? ['portal'] : ['portal', 'wechat'],
        });
    }
    const inspector = await makeUser(db, county.id, ['inspector']);
    const ctx = ctxAs(db, userActor(inspector), clock);

    const req = await requestDashboard(ctx, county.id, 2026);
    assert.deepEqual(req.below.map((b) => b.agencyId).sort(), towns.map((a) => a.id).sort());
    for (const b of req.below) {
      const rows = (
        await db
          .selectFrom('info_requests')
          .select(['agency_id', 'status', 'received_on', 'closed_on', 'due_on', 'report_row'])
          .where('agency_id', '=', b.agencyId)
          .execute()
      ).map((r): RequestFigureRow => ({
        agencyId: Number(r.agency_id),
        status: r.status,
        receivedOn: r.received_on,
        closedOn: r.closed_on,
        dueOn: r.due_on,
        reportRow: r.report_row,
      }));
      const own = requestFigures(
        rows,
        2026,
        clock.today(),
        await dueSoonHorizon(ctx, b.agencyId),
        await getCalendar(db, b.agencyId),
      );
      assert.deepEqual(b.figures, own, `agency ${b.agencyId}`);
    }
    // The batch gives each agency its own calendar: the regional holiday only where it was set.
    const cals = await getCalendars(
      db,
      towns.map((a) => a.id),
    );
    assert.equal(cals.get(towns[0]!.id)!.isWorkday('2026-06-08'), false);
    assert.equal(cals.get(towns[1]!.id)!.isWorkday('2026-06-08'), true);

    const pub = await publicationDashboard(ctx, county.id, 2026);
    for (const b of pub.below) {
      const rows = await db
        .selectFrom('publications')
        .select(['published_on', 'due_on', 'category_id'])
        .where('agency_id', '=', b.agencyId)
        .execute();
      const channels = await db
        .selectFrom('publication_channels')
        .select('channel')
        .where('agency_id', '=', b.agencyId)
        .execute();
      const own = publicationFigures(
        rows.map((r) => ({
          agencyId: b.agencyId,
          publishedOn: r.published_on!,
          dueOn: r.due_on,
          categoryId: Number(r.category_id),
        })),
        2026,
        await listCategories(db, b.agencyId),
        CHANNELS.map((ch) => ({ channel: ch, count: channels.filter((c) => c.channel === ch).length })),
      );
      assert.deepEqual(b.figures, own, `agency ${b.agencyId}`);
      assert.ok(b.figures.totals.published > 0);
    }
  });
});
