/**
 * Attack: a county inspector — read-only by documentation — imports an annual report into a township (straight onto its
 * public portal) and changes its report deadline. Inspectors read; the county-side actions are a named permission of the
 * county's 督办 role, audited in both agencies, and an import by the county never publishes on the township's portal.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../support/db.ts';
import { ctxAs, makeAgency, makeUser, systemCtx, userActor } from '../support/factories.ts';
import { fixedClock } from '../../src/clock.ts';
import { seedCalendar } from '../../src/calendar/seed-calendar.ts';
import { buildExport } from '../../src/annual-report/index.ts';
import { randomValidCells } from '../../src/annual-report/testing/synthetic.ts';
import { importReport } from '../../src/annual-report/generator/import-report.ts';
import { setReportDeadline } from '../../src/annual-report/generator/set-report-deadline.ts';
import { listPublishedReports } from '../../src/annual-report/generator/annual-reports.queries.ts';
import type { Role } from '../../src/org/roles.ts';
import { recordProblem } from '../../src/supervision/record-problem.ts';
import { issueSupervision } from '../../src/supervision/supervise-problem.ts';

const clock = fixedClock('2027-02-05T02:00:00Z');

function reportFile(agency: string) {
  const exported = buildExport({
    year: 2026,
    agency,
    cells: randomValidCells(3),
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
  return { fileName: 'report.json', bytes: Buffer.from(JSON.stringify(exported)) };
}

describeEachDialect('attack: county-side writes on a township', (t) => {
  test('an inspector can neither import a township’s report nor change its deadline', async () => {
    const { db } = t();
    await seedCalendar(systemCtx(db, clock));
    const county = await makeAgency(db, { kind: 'county', parentId: null });
    const town = await makeAgency(db, { parentId: county.id });
    const inspector = await makeUser(db, county.id, ['inspector']);
    const as = ctxAs(db, userActor(inspector), clock);
    await assert.rejects(importReport(as, { agencyId: town.id, ...reportFile(town.name) }), {
      code: 'forbidden',
    });
    await assert.rejects(setReportDeadline(as, { agencyId: town.id, monthDay: '02-28' }), {
      code: 'forbidden',
    });
    assert.deepEqual(await listPublishedReports(db, town.id), []);
  });

  test('the county’s 督办 role: import (not on the township’s portal) and deadline, audited in both agencies', async () => {
    const { db } = t();
    await seedCalendar(systemCtx(db, clock));
    const county = await makeAgency(db, { kind: 'county', parentId: null });
    const town = await makeAgency(db, { parentId: county.id });
    const supervisor = await makeUser(db, county.id, ['supervisor' as Role]);
    const as = ctxAs(db, userActor(supervisor), clock);
    const r = await importReport(as, { agencyId: town.id, ...reportFile(town.name) });
    assert.notEqual(r.status, 'published');
    assert.deepEqual(await listPublishedReports(db, town.id), []);
    await setReportDeadline(as, { agencyId: town.id, monthDay: '02-28' });
    const events = await db
      .selectFrom('audit_events')
      .select(['agency_id', 'action'])
      .where('action', 'in', ['annual_report.imported', 'annual_report.deadline_set'])
      .where('agency_id', 'in', [county.id, town.id])
      .execute();
    for (const action of ['annual_report.imported', 'annual_report.deadline_set']) {
      for (const agencyId of [county.id, town.id]) {
        assert.ok(
          events.some((e) => e.action === action && e.agency_id === agencyId),
          `${action} audited in agency ${agencyId}`,
        );
      }
    }
  });

  test('监督保障 from above: the inspector and another county’s supervisor can neither record a problem in a township nor issue 督办; the county’s supervisor can', async () => {
    const { db } = t();
    await seedCalendar(systemCtx(db, clock));
    const county = await makeAgency(db, { kind: 'county', parentId: null });
    const town = await makeAgency(db, { parentId: county.id });
    const other = await makeAgency(db, { kind: 'county', parentId: null });
    const problem = {
      unitKind: 'agency' as const,
      unitId: null,
      responsibleUserId: null,
      responsibleName: '李四',
      title: '政府信息公开指南未更新',
      description: '',
      deadline: '2027-02-01',
      link: null,
    };
    const demand = { demand: '请立即整改并书面报告', answerBy: '2027-02-10' };
    const supervisorUser = await makeUser(db, county.id, ['supervisor']);
    const supervisor = ctxAs(db, userActor(supervisorUser), clock);
    // Recorded before its deadline, overdue by now.
    const earlier = ctxAs(db, userActor(supervisorUser), fixedClock('2027-01-20T02:00:00Z'));
    const p = await recordProblem(earlier, town.id, problem);
    assert.equal(p.agencyId, town.id);
    for (const [who, roles, agencyId, code] of [
      ['county inspector', ['inspector'], county.id, 'forbidden'],
      ['another county’s supervisor', ['supervisor'], other.id, 'not_found'],
      ['county admin', ['admin'], county.id, 'not_found'],
    ] as [string, Role[], number, string][]) {
      const as = ctxAs(db, userActor(await makeUser(db, agencyId, roles)), clock);
      await assert.rejects(recordProblem(as, town.id, problem), { code }, `${who} records`);
      await assert.rejects(issueSupervision(as, p.id, demand), { code }, `${who} 督办`);
    }
    await issueSupervision(supervisor, p.id, demand);
    const rows = await db.selectFrom('sv_supervisions').select('problem_id').execute();
    assert.deepEqual(
      rows.map((r) => Number(r.problem_id)),
      [p.id],
    );
  });
});
