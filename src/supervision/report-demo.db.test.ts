import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { fixedClock } from '../clock.ts';
import { systemActor } from '../context.ts';
import { prepareDatabase } from '../setup.ts';
import { loadDemo, DEMO_TOWNSHIP_CODE } from '../demo/load-demo.ts';
import { findAgencyByCode } from '../org/org.queries.ts';
import { generateReport } from '../annual-report/generator/generate-report.ts';
import { exportReport } from '../annual-report/generator/export-report.ts';
import { PLACEHOLDER } from '../annual-report/generator/narrative-draft.ts';
import { checkReport, parseReport } from '../annual-report/index.ts';
import { listProblems } from './supervision.queries.ts';

const clock = fixedClock('2026-12-20T02:00:00Z');

describeEachDialect('demo: a year of supervision, and the report written from it', (t) => {
  test('the demo ledger has closed, overdue and recurring problems; report generate --year 2026 leaves no 【待填写】 in 一（五） and 五, and the checker finds none', async () => {
    const { db } = t();
    await prepareDatabase(db, clock);
    const ctx = { db, clock, actor: systemActor('演示数据'), meta: { ip: null } };
    await loadDemo(ctx);
    const town = (await findAgencyByCode(db, DEMO_TOWNSHIP_CODE))!;
    const problems = await listProblems(db, town.id, {}, clock.today());
    assert.ok(problems.filter((p) => p.status === 'closed').length >= 6);
    assert.ok(problems.filter((p) => p.status === 'open' && p.deadline < clock.today()).length >= 2);
    const recurring = problems.filter((p) => p.isRecurring);
    assert.equal(recurring.length, 1);
    assert.equal(recurring[0]!.unitName, '费家村');

    const r = await generateReport(ctx, { agencyId: town.id, year: 2026 });
    const section5 = r.texts.overview.slice(r.texts.overview.indexOf('（五）监督保障'));
    assert.ok(!section5.includes(PLACEHOLDER), section5);
    assert.ok(!r.texts.problems_improvements.includes(PLACEHOLDER), r.texts.problems_improvements);
    assert.match(section5, /参加上级业务培训2次，开展乡级业务培训3次/);
    assert.match(section5, /开展政务公开专项督查\d+次/);
    assert.match(section5, /“回头看”\d+次，发现问题反弹1次/);
    assert.match(section5, /社会评议，共收回评议表10份/);
    assert.match(section5, /本年度未发生政府信息公开工作责任追究情况/);
    assert.match(
      r.texts.problems_improvements,
      /上年度报告所列问题整改情况：上年度存在的5个问题均已纳入整改台账，已整改销号4个/,
    );
    assert.match(r.texts.problems_improvements, /下一步，一是/);
    assert.ok(!r.findings.some((f) => f.rule === 'NARRATIVE-PLACEHOLDER'), JSON.stringify(r.findings));
    assert.deepEqual(
      r.findings.filter((f) => f.severity === 'error'),
      [],
    );
    // Read back from the DOCX by the checker: no placeholder either.
    const docx = await exportReport(r, town, 'docx');
    const back = checkReport(parseReport({ name: 'r.docx', bytes: docx.bytes }));
    assert.ok(!back.findings.some((f) => f.rule === 'NARRATIVE-PLACEHOLDER'));
    assert.deepEqual(
      back.findings.filter((f) => f.severity === 'error'),
      [],
    );
  });
});
