import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { ctxAs, makeAgency, makeUser, systemCtx, userActor } from '../../../test/support/factories.ts';
import { fixedClock } from '../../clock.ts';
import { seedCalendar } from '../../calendar/seed-calendar.ts';
import { buildExport, CELL_ADDRESSES } from '../index.ts';
import { randomValidCells } from '../testing/synthetic.ts';
import { acknowledgeWarning } from './acknowledge-warning.ts';
import { finaliseReport } from './finalise-report.ts';
import { generateReport } from './generate-report.ts';
import { importReport } from './import-report.ts';
import { publishReport } from './publish-report.ts';
import { fingerprintOf } from './report.ts';
import { reportOverview, sumCells } from './report-overview.ts';
import { overviewRead } from './annual-reports.queries.ts';
import { setReportDeadline } from './set-report-deadline.ts';
import { insertYearOfPublications, insertYearOfRequests } from './testing/year-of-data.ts';
import { writePassages } from './testing/write-passages.ts';

const clock = fixedClock('2027-02-05T02:00:00Z');

describeEachDialect('county overview and consolidated table', (t) => {
  test('status of every agency below the county against its deadline; the sum of the finalised reports, checked', async () => {
    const { db } = t();
    await seedCalendar(systemCtx(db, clock));
    const county = await makeAgency(db, { kind: 'county', parentId: null, name: '测试县人民政府' });
    const townA = await makeAgency(db, { parentId: county.id });
    const townB = await makeAgency(db, { parentId: county.id });
    const townC = await makeAgency(db, { parentId: county.id });
    const dept = await makeAgency(db, { kind: 'department', parentId: county.id, name: '测试县民政局' });
    const inspector = await makeUser(db, county.id, ['inspector']);
    const supervisor = await makeUser(db, county.id, ['supervisor']);
    const clerkA = await makeUser(db, townA.id, ['clerk']);
    const clerkC = await makeUser(db, townC.id, ['clerk']);
    const as = (u: typeof clerkA) => ctxAs(db, userActor(u), clock);

    // Town A: generated from its records, finalised and published.
    await insertYearOfRequests(db, townA.id);
    await insertYearOfPublications(as(clerkA), townA.id, clerkA.id);
    let a = await generateReport(as(clerkA), { agencyId: townA.id, year: 2026 });
    a = await writePassages(as(clerkA), a);
    for (const w of a.findings.filter((f) => f.severity === 'warning')) {
      await acknowledgeWarning(as(clerkA), a.id, {
        fingerprint: fingerprintOf(w),
        reason: '已核实，另行补充',
      });
    }
    a = await finaliseReport(as(clerkA), a.id, { approverName: '张三' });
    a = await publishReport(as(clerkA), a.id);

    // Town B published outside gongkai; the county's 政务公开办 (督办) records it.
    const bCells = randomValidCells(5);
    const exported = buildExport({
      year: 2026,
      agency: townB.name,
      cells: bCells,
      fees: { fee_notices_issued: 0, fee_amount_billed_yuan: 0, fee_amount_collected_yuan: 0 },
      texts: {
        overview: '考核、评议、责任追究。',
        proactive_disclosure: '',
        requests: '',
        review_litigation: '',
        problems_improvements: '无。',
        other_matters: '本年度未收取信息处理费。',
      },
      status: 'final',
      generatedAt: new Date('2027-01-20T00:00:00Z'),
    });
    await importReport(as(supervisor), {
      agencyId: townB.id,
      fileName: 'b.json',
      bytes: Buffer.from(JSON.stringify(exported)),
    });

    // Town C has a draft and a later deadline set by the county; the department has nothing.
    await generateReport(as(clerkC), { agencyId: townC.id, year: 2026 });
    await setReportDeadline(as(supervisor), { agencyId: townC.id, monthDay: '02-28' });

    const o = await reportOverview(as(inspector), county.id, 2026);
    const byId = new Map(o.rows.map((r) => [r.agency.id, r]));
    assert.equal(byId.get(county.id)!.status, 'not_started');
    assert.equal(byId.get(county.id)!.deadline, '2027-03-31');
    assert.equal(byId.get(townA.id)!.status, 'published');
    assert.equal(byId.get(townB.id)!.status, 'published');
    assert.equal(byId.get(townC.id)!.status, 'draft');
    assert.equal(byId.get(townC.id)!.deadline, '2027-02-28');
    assert.equal(byId.get(dept.id)!.status, 'overdue');
    assert.equal(byId.get(dept.id)!.deadline, '2027-01-31');

    assert.deepEqual(o.consolidated.included.map((x) => x.id).sort(), [townA.id, townB.id].sort());
    assert.deepEqual(o.consolidated.missing.map((x) => x.id).sort(), [townC.id, dept.id].sort());
    for (const addr of CELL_ADDRESSES) {
      assert.equal(
        o.consolidated.cells[addr],
        Math.round(((a.cells[addr] ?? 0) + (bCells[addr] ?? 0)) * 10000) / 10000,
        addr,
      );
    }
    assert.deepEqual(
      o.consolidated.findings.filter((f) => f.severity === 'error'),
      [],
    );

    // A township clerk cannot see the county overview (not found: it is not theirs to know).
    await assert.rejects(
      reportOverview(as(clerkA), county.id, 2026),
      (e: { code?: string }) => e.code === 'not_found',
    );
  });

  test('a county of a province: its line upwards decides who may see it, its subtree gives the rows, other counties stay out', async () => {
    const { db } = t();
    await seedCalendar(systemCtx(db, clock));
    const province = await makeAgency(db, { kind: 'province', parentId: null, name: '测试省人民政府' });
    const city = await makeAgency(db, { kind: 'city', parentId: province.id, name: '测试市人民政府' });
    const countyA = await makeAgency(db, { kind: 'county', parentId: city.id, name: '甲县人民政府' });
    const countyB = await makeAgency(db, { kind: 'county', parentId: city.id, name: '乙县人民政府' });
    const townA = await makeAgency(db, { parentId: countyA.id });
    const deptA = await makeAgency(db, { kind: 'department', parentId: countyA.id, name: '甲县民政局' });
    const townB = await makeAgency(db, { parentId: countyB.id });
    const provinceInspector = await makeUser(db, province.id, ['inspector']);
    const inspectorA = await makeUser(db, countyA.id, ['inspector']);
    const inspectorB = await makeUser(db, countyB.id, ['inspector']);
    const o = await reportOverview(ctxAs(db, userActor(inspectorA), clock), countyA.id, 2026);
    assert.deepEqual(
      o.rows.map((r) => [r.agency.id, r.depth]),
      [
        [countyA.id, 0],
        ...[
          [townA.id, 1],
          [deptA.id, 1],
        ].sort((x, y) => {
          const code = (id: number) => (id === townA.id ? townA.code : deptA.code);
          return new Intl.Collator().compare(code(x[0]!), code(y[0]!));
        }),
      ],
    );
    assert.ok(!o.rows.some((r) => [townB.id, countyB.id, city.id, province.id].includes(r.agency.id)));
    assert.deepEqual(o.consolidated.missing.map((x) => x.id).sort(), [townA.id, deptA.id].sort());
    // The province's inspector sees the county (its line upwards reaches the province) but the overview is the
    // county's own: refused, not hidden.
    await assert.rejects(
      reportOverview(ctxAs(db, userActor(provinceInspector), clock), countyA.id, 2026),
      (e: { code?: string }) => e.code === 'forbidden',
    );
    // Another county's inspector: not theirs to know.
    await assert.rejects(
      reportOverview(ctxAs(db, userActor(inspectorB), clock), countyA.id, 2026),
      (e: { code?: string }) => e.code === 'not_found',
    );
    // An agency that does not exist.
    await assert.rejects(
      reportOverview(ctxAs(db, userActor(inspectorA), clock), townB.id + 1000, 2026),
      (e: { code?: string }) => e.code === 'not_found',
    );
  });

  test('overviewRead ends on a parent_id cycle (a hand-edited database) instead of walking it forever', async () => {
    const { db } = t();
    const a = await makeAgency(db, { kind: 'county', parentId: null, name: '环甲县人民政府' });
    const b = await makeAgency(db, { parentId: a.id, name: '环乙乡人民政府' });
    await db.updateTable('agencies').set({ parent_id: b.id }).where('id', '=', a.id).execute();
    const r = await overviewRead(db, a.id, 2026);
    // Each agency once below (the walk down) and once above (the line upwards), however the cycle is entered.
    assert.deepEqual(r.agencies.map((x) => x.id).sort(), [a.id, a.id, b.id, b.id].sort());
    await db.updateTable('agencies').set({ parent_id: null }).where('id', '=', a.id).execute();
  });

  test('sumCells: an unreadable cell stays unreadable in the sum', () => {
    const x = randomValidCells(1);
    const y = { ...randomValidCells(2), 'B.new_received.total': null };
    const s = sumCells([x, y]);
    assert.equal(s['B.new_received.total'], null);
    assert.equal(
      s['B.carried_over.total'],
      (x['B.carried_over.total'] ?? 0) + (y['B.carried_over.total'] ?? 0),
    );
  });
});
