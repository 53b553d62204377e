import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency, systemCtx } from '../../test/support/factories.ts';
import { checkCells } from '../annual-report/cross-checks.ts';
import { emptyCells, type Cells } from '../annual-report/report-format.ts';
import { generateRequests } from './generate-requests.ts';
import { computeFeeTotals, computeNarrativeCounts, computeTableB, computeTableC } from './report-tables.ts';
import { recordAppeal } from './record-appeal.ts';
import { fixedClock } from '../clock.ts';

describeEachDialect('requests: tables B and C from a year of requests', (t) => {
  test('table B satisfies B-BAL, B-RES and B-COL, and carries over into the next year', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    await generateRequests(db, agency.id, 2026, 1500, 7);
    const b = await computeTableB(db, agency.id, 2026);
    const cells: Cells = { ...emptyCells(), ...b };
    const findings = checkCells(cells).filter((f) => ['B-BAL', 'B-RES', 'B-COL'].includes(f.rule));
    assert.deepEqual(findings, []);
    const ran = checkCells(cells).filter((f) => f.rule === 'CHECK-SKIPPED' && /B-/.test(f.message));
    assert.deepEqual(ran, [], 'every B rule ran on complete cells');
    assert.ok(b['B.new_received.total'] > 1000);
    assert.ok(b['B.carried_over.total'] > 0, 'December 2025 requests open on 1 January are carried over');
    assert.ok(b['B.carried_forward.total'] > 0);
    const next = await computeTableB(db, agency.id, 2027);
    for (const col of ['natural_person', 'commercial_enterprise', 'other_org', 'total'] as const)
      assert.equal(next[`B.carried_over.${col}`], b[`B.carried_forward.${col}`], `X-CARRY ${col}`);
    const counts = await computeNarrativeCounts(db, agency.id, 2026);
    assert.equal(counts.received, b['B.new_received.total']);
    assert.equal(counts.answered, b['B.result.total.total']);
    assert.ok(counts.answeredOnTime + counts.answeredLate <= counts.answered);
    const fees = await computeFeeTotals(db, agency.id, 2026);
    assert.deepEqual(fees, {
      fee_notices_issued: 0,
      fee_amount_billed_yuan: 0,
      fee_amount_collected_yuan: 0,
    });
  });

  test('table C counts cases filed in the year; a case concluded after 31 December is still pending', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const ctx = systemCtx(db, fixedClock('2027-03-01T02:00:00Z'));
    const base = { body: '互助土族自治县人民政府' };
    await recordAppeal(ctx, agency.id, {
      ...base,
      kind: 'review',
      filedOn: '2026-04-01',
      result: 'upheld',
      concludedOn: '2026-06-01',
    });
    await recordAppeal(ctx, agency.id, {
      ...base,
      kind: 'review',
      filedOn: '2026-11-01',
      result: 'corrected',
      concludedOn: '2027-01-10',
    });
    await recordAppeal(ctx, agency.id, { ...base, kind: 'litigation_direct', filedOn: '2026-05-01' });
    await recordAppeal(ctx, agency.id, {
      ...base,
      kind: 'litigation_after_review',
      filedOn: '2025-12-30',
      result: 'other_result',
      concludedOn: '2026-03-01',
    });
    const c = await computeTableC(db, agency.id, 2026);
    assert.equal(c['C.review.upheld'], 1);
    assert.equal(c['C.review.pending'], 1);
    assert.equal(c['C.review.total'], 2);
    assert.equal(c['C.litigation_direct.pending'], 1);
    assert.equal(c['C.litigation_after_review.total'], 0);
    const findings = checkCells({ ...emptyCells(), ...c }).filter((f) => f.rule === 'C-SUM');
    assert.deepEqual(findings, []);
  });
});
