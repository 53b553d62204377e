import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { fixedClock } from '../clock.ts';
import { systemActor } from '../context.ts';
import { prepareDatabase } from '../setup.ts';
import { loadDemo, DEMO_TOWNSHIP_CODE } from './load-demo.ts';
import { findAgencyByCode } from '../org/org.queries.ts';
import { findReportFor } from '../annual-report/generator/annual-reports.queries.ts';
import { generateReport } from '../annual-report/generator/generate-report.ts';
import { exportReport } from '../annual-report/generator/export-report.ts';
import { checkReport, parseReport } from '../annual-report/index.ts';

const clock = fixedClock('2026-12-20T02:00:00Z');

describeEachDialect('demo: 2025 as published, a synthetic 2026 through the use cases', (t) => {
  test('gongkai demo then report generate --year 2026 gives a report with substance and no error', async () => {
    const { db } = t();
    await prepareDatabase(db, clock);
    const ctx = { db, clock, actor: systemActor('演示数据'), meta: { ip: null } };
    await loadDemo(ctx);
    const town = (await findAgencyByCode(db, DEMO_TOWNSHIP_CODE))!;

    const y2025 = (await findReportFor(db, town.id, 2025))!;
    assert.equal(y2025.origin, 'imported');
    assert.equal(y2025.status, 'published');
    assert.equal(y2025.cells['B.new_received.total'], 0, 'the seed reports no requests');
    assert.match(y2025.texts.problems_improvements, /公开内容深度不够/);

    const r = await generateReport(ctx, { agencyId: town.id, year: 2026 });
    const c = (a: string) => r.cells[a as keyof typeof r.cells];
    // 16 requests: 7 answered, 1 paid fee + answered, 1 unpaid fee, 1 withdrawn, 2 still open; the procedure demo:
    // 补正 + consultations + 决定公开告知书 (answered), 说明理由 + later reply (answered), an unanswered 补正 (视为放弃);
    // and 1 converted from a 互动交流 message (src/inquiries/demo.ts).
    assert.equal(c('B.new_received.total'), 16);
    assert.equal(c('B.new_received.commercial_enterprise'), 2);
    assert.equal(c('B.new_received.other_org'), 1);
    assert.equal(c('B.result.total.total'), 14);
    assert.equal(c('B.result.granted.total'), 6);
    assert.equal(c('B.result.other.no_correction.total'), 1);
    assert.equal(c('B.result.partially_granted.total'), 1);
    assert.equal(c('B.result.withheld.third_party_rights.total'), 1);
    assert.equal(c('B.result.unable.not_held.total'), 1);
    assert.equal(c('B.result.unable.needs_creation.total'), 1);
    assert.equal(c('B.result.not_processed.petition_complaint.total'), 1);
    assert.equal(c('B.result.other.fee_unpaid.total'), 1);
    assert.equal(c('B.result.other.other.total'), 1);
    assert.equal(c('B.carried_forward.total'), 2);
    assert.equal(c('C.review.upheld'), 1);
    assert.equal(c('A.art20_1.normative_documents.issued'), 2);
    assert.equal(c('A.art20_1.normative_documents.in_force'), 2);
    assert.equal(c('A.art20_5.administrative_licensing.decisions'), 12);
    assert.equal(c('A.art20_6.administrative_penalty.decisions'), 3);
    assert.equal(c('A.art20_8.administrative_fees.amount_wan_yuan'), 0.036);
    // 60 pages: 30 × 10元 = 300元 (paid); 120 pages: 70 × 10元 + 20 × 20元 = 1100元 (not paid).
    assert.deepEqual(r.fees, {
      fee_notices_issued: 2,
      fee_amount_billed_yuan: 1400,
      fee_amount_collected_yuan: 300,
    });
    assert.match(r.texts.overview, /本年度共主动公开政府信息12条/);
    assert.match(r.texts.overview, /公开栏/);
    assert.match(r.texts.overview, /超过法定期限|均在法定期限内答复/);
    assert.deepEqual(
      r.findings.filter((f) => f.severity === 'error' && f.rule !== 'PLACEHOLDER-TEXT'),
      [],
    );
    // 2025's report is last year's: X-CARRY compares with it (both 0 → silent).
    assert.ok(!r.findings.some((f) => f.rule === 'X-CARRY'));

    const docx = await exportReport(r, town, 'docx');
    const back = checkReport(parseReport({ name: 'r.docx', bytes: docx.bytes }));
    assert.equal(back.cells['B.new_received.total'], 16);
    assert.deepEqual(
      back.findings.filter((f) => f.severity === 'error' && f.rule !== 'PLACEHOLDER-TEXT'),
      [],
    );
  });
});
