import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { ctxAs, makeAgency, makeUser, systemCtx, userActor } from '../../../test/support/factories.ts';
import { fixedClock } from '../../clock.ts';
import { CELL_ADDRESSES } from '../report-format.ts';
import { seedCalendar } from '../../calendar/seed-calendar.ts';
import { findSnapshot } from './annual-reports.queries.ts';
import { generateReport } from './generate-report.ts';
import { insertYearOfPublications, insertYearOfRequests } from './testing/year-of-data.ts';

const clock = fixedClock('2027-01-10T02:00:00Z');

describeEachDialect('generate the annual report from the records', (t) => {
  test('all 200 cells and the fees equal the hand count; a snapshot records who, when, what was read', async () => {
    const { db } = t();
    await seedCalendar(systemCtx(db, clock));
    const agency = await makeAgency(db);
    const clerk = await makeUser(db, agency.id, ['clerk']);
    const { expected, fees } = await insertYearOfRequests(db, agency.id);
    const pubs = await insertYearOfPublications(ctxAs(db, userActor(clerk), clock), agency.id, clerk.id);

    const report = await generateReport(ctxAs(db, userActor(clerk), clock), {
      agencyId: agency.id,
      year: 2026,
    });
    const all = { ...expected, ...pubs.expected };
    for (const a of CELL_ADDRESSES) assert.equal(report.cells[a], all[a] ?? 0, a);
    assert.deepEqual(report.fees, fees);
    assert.equal(report.status, 'draft');
    assert.equal(report.generatedByName, clerk.displayName);

    const snap = await findSnapshot(db, report.snapshotId!);
    assert.equal(snap?.takenByName, clerk.displayName);
    assert.equal(snap?.takenAt, '2027-01-10T02:00:00.000Z');
    // 2 carried over + 21 + 4 new closed + 2 carried forward = 29 requests touch 2026 (the 2025-closed one and the
    // unconfirmed one do not); 4 cases were filed in 2026.
    assert.deepEqual(snap?.sourceCounts.info_requests, 29);
    assert.deepEqual(snap?.sourceCounts.request_appeals, 4);
    assert.equal(snap?.sourceCounts.publications, 5);
    assert.equal(snap?.sourceCounts.art20_decisions, 2);
    assert.equal(snap?.sourceCounts.art20_fees, 2);

    // The draft quotes the cells: the checker finds no mismatch between text and table.
    const rules = report.findings.map((f) => f.rule);
    assert.ok(!rules.includes('TEXT-TABLE-MISMATCH'), JSON.stringify(report.findings));
    assert.ok(!rules.includes('TEXT-BALANCE'));
    assert.ok(
      !rules.includes('B-BAL') &&
        !rules.includes('B-RES') &&
        !rules.includes('B-COL') &&
        !rules.includes('C-SUM'),
    );
    assert.ok(!rules.includes('FEE-STATEMENT-MISSING'));
    assert.match(report.texts.overview, /新收政府信息公开申请27件/);
    assert.match(report.texts.overview, /本年度共主动公开政府信息5条/);
    assert.match(report.texts.overview, /门户网站发布5条、微信公众号发布2条、公开栏发布1条/);
    assert.match(report.texts.overview, /制发行政规范性文件2件，废止1件，现行有效2件/);
    assert.match(report.texts.overview, /本年度有1条主动公开信息未在形成或变更之日起20个工作日内公开/);
    assert.match(report.texts.problems_improvements, /有1条主动公开信息未在法定时限内公开/);
    // No error: every cell has a source, every closed request a row, every identity holds.
    assert.deepEqual(
      report.findings.filter(
        (f) => f.severity === 'error' && f.rule !== 'PLACEHOLDER-TEXT' && f.rule !== 'NARRATIVE-PLACEHOLDER',
      ),
      [],
    );
    // The draft's passages left to write are an error of the checker until they are written.
    assert.ok(report.findings.some((f) => f.rule === 'PLACEHOLDER-TEXT' && f.severity === 'error'));
    assert.match(
      report.texts.other_matters,
      /发出信息处理费收费通知2件，收费通知金额共计300元，实际收取信息处理费100元/,
    );
  });

  test('the year must have begun; another agency’s clerk is told it does not exist', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const other = await makeAgency(db);
    const stranger = await makeUser(db, other.id, ['clerk']);
    await assert.rejects(
      generateReport(systemCtx(db, clock), { agencyId: agency.id, year: 2028 }),
      (e: Error) => e.message.includes('2028年尚未开始'),
    );
    await assert.rejects(
      generateReport(ctxAs(db, userActor(stranger), clock), { agencyId: agency.id, year: 2026 }),
      (e: { code?: string }) => e.code === 'not_found',
    );
  });
});
