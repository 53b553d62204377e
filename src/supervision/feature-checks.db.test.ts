import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { ctxAs, fixedClock, systemCtx, userActor } from '../../test/support/factories.ts';
import { prepareDatabase } from '../setup.ts';
import { systemActor } from '../context.ts';
import { loadDemo, DEMO_TOWNSHIP_CODE } from '../demo/load-demo.ts';
import { findAgencyByCode, findUserByUsername } from '../org/org.queries.ts';
import { townshipOverview } from '../villages/township-overview.ts';
import { DomainError } from '../errors.ts';
import { runDailyChecks } from './daily-checks.ts';
import { listProblems } from './supervision.queries.ts';
import { rectifyProblem } from './rectify-problem.ts';
import { closeOutProblem } from './close-out-problem.ts';

// The daily checks that 村级公开 and 互动交流 bring, over the demo township at a fixed late-December day.
describeEachDialect('supervision: the village and Q&A checks of the daily sweep', (t) => {
  test('overdue village slots and overdue messages become problems once; 销号 waits for the answer', async () => {
    const { db } = t();
    const clock = fixedClock('2026-12-20T02:00:00Z');
    await prepareDatabase(db, clock);
    await loadDemo({ db, clock, actor: systemActor('演示数据'), meta: { ip: null } });
    const town = (await findAgencyByCode(db, DEMO_TOWNSHIP_CODE))!;
    const today = clock.today();

    const first = await runDailyChecks(systemCtx(db, clock));
    const again = await runDailyChecks(systemCtx(db, clock));
    assert.equal(again.problems, 0, 'a key is filed once while its problem is open');
    assert.ok(first.problems > 0);

    const problems = await listProblems(db, town.id, {}, today);
    const village = problems.filter((p) => p.checkKind === 'village_overdue');
    // Every slot the township overview shows as overdue this year has its problem, under the village.
    const ov = await townshipOverview(db, town.id, 2026, today);
    assert.ok(ov.overdue.length > 0, 'the demo has overdue village items');
    for (const s of ov.overdue) {
      const p = village.find((x) => x.checkKey === `village_overdue:${s.villageId}:${s.code}:${s.period}`);
      assert.ok(p, `problem for ${s.villageName} ${s.code} ${s.period}`);
      assert.equal(p.unitKind, 'village');
      assert.equal(p.unitId, s.villageId);
    }
    assert.equal(village.length, ov.overdue.length, 'no slot of a year the village did not owe');

    // Messages: exactly the open ones past their due date.
    const overdueMsgs = await db
      .selectFrom('inquiries')
      .select(['id', 'reference'])
      .where('agency_id', '=', town.id)
      .where('status', 'in', ['pending_routing', 'in_progress', 'pending_approval'])
      .where('due_on', '<', today)
      .execute();
    const msgProblems = problems.filter((p) => p.checkKind === 'inquiry_overdue');
    assert.deepEqual(
      msgProblems.map((p) => p.checkKey).sort(),
      overdueMsgs.map((m) => `inquiry_overdue:${m.id}`).sort(),
    );
    assert.ok(msgProblems.length > 0, 'the demo has an overdue message');
    assert.match(msgProblems[0]!.description, /应于\d{4}-\d{2}-\d{2}前答复/);

    // 销号 re-runs the check: refused while the message is unanswered, allowed once it is answered.
    // The responsible person rectifies; a second person (the 党政办 clerk) does the 销号.
    const p = msgProblems[0]!;
    const responsible = (await db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', p.responsibleUserId!)
      .executeTakeFirst())!;
    const byName = async (u: string) => ctxAs(db, userActor((await findUserByUsername(db, u))!), clock);
    const rectifier = ctxAs(db, userActor((await findUserByUsername(db, responsible.username))!), clock);
    const clerkCtx = await byName('clerk');
    const r = await rectifyProblem(
      rectifier,
      p.id,
      { version: p.version, note: '已督促承办科室答复', link: p.link ?? '' },
      [],
    );
    await assert.rejects(
      closeOutProblem(clerkCtx, p.id, { version: r.version, decision: 'close', note: '复核' }),
      (e: unknown) => e instanceof DomainError && e.code === 'invalid_state' && /仍然存在/.test(e.message),
    );
    const msgId = Number(p.checkKey!.split(':')[1]);
    await db
      .updateTable('inquiries')
      .set({ status: 'replied', replied_on: today, reply: '已答复' })
      .where('id', '=', msgId)
      .execute();
    const closed = await closeOutProblem(clerkCtx, p.id, {
      version: r.version,
      decision: 'close',
      note: '已答复',
    });
    assert.equal(closed.status, 'closed');
  });
});
