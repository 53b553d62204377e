import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import {
  ctxAs,
  fixedClock,
  makeAgency,
  makeUser,
  makeVillage,
  systemCtx,
  userActor,
} from '../../test/support/factories.ts';
import { seedCalendar } from '../calendar/seed-calendar.ts';
import { ensureCatalogue } from '../publications/seed-catalogue.ts';
import { findCategoryByCode } from '../publications/publications.queries.ts';
import type { Db } from '../db/database.ts';
import { DomainError } from '../errors.ts';
import { recordProblem } from './record-problem.ts';
import { rectifyProblem } from './rectify-problem.ts';
import { closeOutProblem } from './close-out-problem.ts';
import { listFollowUps, recordFollowUp } from './follow-up.ts';
import { findProblem, writeSettings, DEFAULT_SETTINGS, listProblems } from './supervision.queries.ts';
import { runDailyChecks } from './daily-checks.ts';
import { generateBulletin, editBulletin, findBulletin } from './bulletin.ts';
import { planInspection, checkTarget, closeInspection, loadInspection } from './inspections.ts';
import { ensureChecklist, listChecklist } from './checklist.queries.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

async function expectCode(p: Promise<unknown>, code: string, re?: RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof DomainError, String(e));
    assert.equal(e.code, code);
    if (re) assert.match(e.message, re);
    return true;
  });
}

async function setup(db: Db) {
  const clock = fixedClock('2026-03-02T02:00:00Z');
  await seedCalendar(systemCtx(db, clock));
  const agency = await makeAgency(db);
  const village = await makeVillage(db, agency.id, '费家村');
  const clerk = await makeUser(db, agency.id, ['clerk']);
  const clerk2 = await makeUser(db, agency.id, ['clerk']);
  const liaison = await makeUser(db, agency.id, ['liaison'], { villageId: village });
  const leader = await makeUser(db, agency.id, ['deputy_leader']);
  const as = (u: typeof clerk) => ctxAs(db, userActor(u), clock);
  return { clock, agency, village, clerk, clerk2, liaison, leader, as };
}

async function publish(db: Db, agencyId: number, userId: number, title: string, body: string, on: string) {
  await ensureCatalogue(systemCtx(db), agencyId);
  const cat = (await findCategoryByCode(db, agencyId, 'work_news'))!;
  const now = new Date().toISOString();
  const r = await db
    .insertInto('publications')
    .values({
      agency_id: agencyId,
      category_id: cat.id,
      status: 'published',
      attribute: 'proactive',
      title,
      issuer: '测试乡人民政府',
      published_on: on,
      validity: 'in_force',
      body_html: `<p>${body}</p>`,
      body_text: body,
      doc_kind: 'none',
      is_major: 0,
      formed_on: on,
      due_on: on,
      review_round: 1,
      created_by: userId,
      created_by_name: '测试',
      created_at: now,
      updated_at: now,
      version: 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

describeEachDialect('supervision: the problem ledger', (t) => {
  test('a village problem: rectified with a photo, closed by a second person, found again at the +30-day 回头看 and reopened as recurring', async () => {
    const db = t().db;
    const s = await setup(db);
    const p = await recordProblem(s.as(s.clerk), s.agency.id, {
      unitKind: 'village',
      unitId: s.village,
      responsibleUserId: s.liaison.id,
      responsibleName: '',
      title: '村务公开栏未更新第一季度财务收支',
      description: '现场检查发现公开栏仍为去年第四季度内容',
      deadline: '2026-03-16',
      link: null,
    });
    assert.equal(p.status, 'open');
    assert.equal(p.unitName, '费家村');
    assert.equal(p.responsibleName, s.liaison.displayName);
    const told = await db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', s.liaison.id)
      .execute();
    assert.ok(told.some((n) => n.title.startsWith('待整改')));

    // Only the unit (or the office) may rectify; evidence is required.
    await expectCode(
      rectifyProblem(s.as(s.leader), p.id, { version: p.version, note: '已整改完毕', link: '' }, []),
      'forbidden',
    );
    await expectCode(
      rectifyProblem(s.as(s.liaison), p.id, { version: p.version, note: '已整改完毕', link: '' }, []),
      'validation',
      /佐证/,
    );
    await expectCode(
      rectifyProblem(s.as(s.liaison), p.id, { version: p.version, note: '已整改完毕', link: '' }, [
        { kind: 'photo', fileName: 'a.txt', bytes: new Uint8Array([1, 2, 3, 4]) },
      ]),
      'validation',
      /JPG或PNG/,
    );
    const r = await rectifyProblem(
      s.as(s.liaison),
      p.id,
      { version: p.version, note: '已张贴第一季度财务收支', link: '' },
      [{ kind: 'photo', fileName: '公开栏.png', bytes: PNG }],
    );
    assert.equal(r.status, 'rectified');

    // 销号 by the rectifier is refused; the recorder (a second person) closes it.
    await expectCode(
      closeOutProblem(s.as(s.liaison), p.id, { version: r.version, decision: 'close', note: '自查' }),
      'forbidden',
    );
    const closed = await closeOutProblem(s.as(s.clerk2), p.id, {
      version: r.version,
      decision: 'close',
      note: '现场复核已整改',
    });
    assert.equal(closed.status, 'closed');
    const fus = await listFollowUps(db, p.id);
    assert.deepEqual(
      fus.map((f) => [f.offsetDays, f.dueOn]),
      [
        [30, '2026-04-01'],
        [90, '2026-05-31'],
      ],
    );
    // Not due yet.
    await expectCode(
      recordFollowUp(s.as(s.clerk), fus[0]!.id, { result: 'recurred', note: '又未更新' }, []),
      'invalid_state',
      /尚未到期/,
    );

    // +30 days: the daily job puts the 回头看 to the clerks; the re-check finds it again.
    s.clock.set('2026-04-01T02:00:00Z');
    const daily = await runDailyChecks(systemCtx(db, s.clock));
    assert.equal(daily.followUps.notified, 1);
    const n = await db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', s.clerk.id)
      .where('kind', '=', 'supervision.follow_up')
      .execute();
    assert.equal(n.length, 1);
    const reopened = await recordFollowUp(
      s.as(s.clerk),
      fus[0]!.id,
      { result: 'recurred', note: '公开栏第二季度内容又未更新' },
      [],
    );
    assert.equal(reopened.status, 'open');
    assert.equal(reopened.isRecurring, true);
    assert.equal(reopened.reopenCount, 1);
    const after = await listFollowUps(db, p.id);
    assert.deepEqual(
      after.map((f) => f.status),
      ['recurred', 'cancelled'],
    );
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('object_type', '=', 'sv_problem')
      .where('object_id', '=', String(p.id))
      .orderBy('id')
      .execute();
    assert.deepEqual(
      audit.map((a) => a.action),
      [
        'supervision.problem_recorded',
        'supervision.problem_rectified',
        'supervision.problem_closed',
        'supervision.problem_reopened',
      ],
    );
  });

  test('a machine-checkable problem (错敏词): recorded by the daily check, 销号 refused while the check still fails, reopened by the 回头看 when the word returns', async () => {
    const db = t().db;
    const s = await setup(db);
    await writeSettings(
      db,
      s.agency.id,
      { ...DEFAULT_SETTINGS, sensitiveWords: ['某某敏感词'] },
      new Date().toISOString(),
    );
    const pubId = await publish(
      db,
      s.agency.id,
      s.clerk.id,
      '春耕动态',
      '今年春耕出现某某敏感词的情况',
      '2026-03-01',
    );
    const r1 = await runDailyChecks(systemCtx(db, s.clock));
    assert.ok(r1.problems >= 1);
    const again = await runDailyChecks(systemCtx(db, s.clock));
    assert.equal(again.problems, 0, 'the same key is not filed twice');
    const [p] = (await listProblems(db, s.agency.id, {}, s.clock.today())).filter(
      (x) => x.checkKind === 'sensitive_words',
    );
    assert.ok(p);
    assert.equal(p.source, 'daily_check');
    const r = await rectifyProblem(
      s.as(s.clerk),
      p.id,
      { version: p.version, note: '已删除该词并重新发布', link: `/publications/${pubId}` },
      [],
    );
    await expectCode(
      closeOutProblem(s.as(s.clerk2), p.id, { version: r.version, decision: 'close', note: '复核' }),
      'invalid_state',
      /仍然存在/,
    );
    await db
      .updateTable('publications')
      .set({ body_text: '今年春耕进展顺利' })
      .where('id', '=', pubId)
      .execute();
    const closed = await closeOutProblem(s.as(s.clerk2), p.id, {
      version: r.version,
      decision: 'close',
      note: '复核通过',
    });
    assert.equal(closed.status, 'closed');
    // The word comes back; at +30 days the daily job re-runs the check and reopens the problem by itself.
    await db
      .updateTable('publications')
      .set({ body_text: '补充说明：某某敏感词' })
      .where('id', '=', pubId)
      .execute();
    s.clock.set('2026-04-01T02:00:00Z');
    const r2 = await runDailyChecks(systemCtx(db, s.clock));
    assert.equal(r2.followUps.reopened, 1);
    const p2 = (await findProblem(db, p.id))!;
    assert.equal(p2.status, 'open');
    assert.equal(p2.isRecurring, true);
  });

  test('overdue rectifications escalate once to the leaders', async () => {
    const db = t().db;
    const s = await setup(db);
    const p = await recordProblem(s.as(s.clerk), s.agency.id, {
      unitKind: 'agency',
      unitId: null,
      responsibleUserId: null,
      responsibleName: '张三',
      title: '政府信息公开指南未更新',
      description: '',
      deadline: '2026-03-05',
      link: null,
    });
    s.clock.set('2026-03-06T02:00:00Z');
    const r = await runDailyChecks(systemCtx(db, s.clock));
    assert.ok(r.escalated >= 1);
    const again = await runDailyChecks(systemCtx(db, s.clock));
    assert.equal(again.escalated, 0);
    const n = await db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', s.leader.id)
      .where('kind', '=', 'supervision.overdue')
      .execute();
    assert.equal(n.length, 1);
    assert.match(n[0]!.title, /整改逾期/);
    assert.equal((await findProblem(db, p.id))!.escalatedOn, '2026-03-06');
  });

  test("an inspection: plan, per-target results with a problem, close; the monthly bulletin counts it and keeps a person's edit on regeneration", async () => {
    const db = t().db;
    const s = await setup(db);
    await ensureChecklist(db, s.agency.id, new Date().toISOString());
    const ids = await planInspection(s.as(s.clerk), s.agency.id, {
      year: 2026,
      quarter: 1,
      title: '',
      targets: [`village:${s.village}`],
      itemIds: (await listChecklist(db, s.agency.id, true)).slice(0, 3).map((i) => i.id),
    });
    assert.equal(ids.length, 1);
    const { inspection, targets } = await loadInspection(db, ids[0]!);
    assert.equal(inspection.title, '2026年第一季度政务公开专项督查');
    await expectCode(closeInspection(s.as(s.clerk), inspection.id, ''), 'invalid_state', /未记录结果/);
    const [a, b, c] = inspection.itemIds;
    await expectCode(
      checkTarget(s.as(s.clerk), inspection.id, targets[0]!.id, [
        { itemId: a!, outcome: 'passed', note: '', evidence: [] },
      ]),
      'validation',
    );
    const problems = await checkTarget(s.as(s.clerk), inspection.id, targets[0]!.id, [
      { itemId: a!, outcome: 'passed', note: '', evidence: [] },
      {
        itemId: b!,
        outcome: 'problem',
        note: '',
        evidence: [{ kind: 'text', text: '公开栏照片见附件' }],
        problem: { title: '公开栏内容过期', responsibleUserId: s.liaison.id },
      },
      { itemId: c!, outcome: 'passed', note: '', evidence: [] },
    ]);
    assert.equal(problems.length, 1);
    await closeInspection(s.as(s.clerk), inspection.id, '共检查1个村，发现问题1个');
    const b1 = await generateBulletin(systemCtx(db, s.clock), s.agency.id, '2026-03');
    assert.equal(b1.stats.problems.found, 1);
    assert.match(b1.bodyText, /发现问题1个/);
    assert.match(b1.bodyText, /费家村/);
    await editBulletin(s.as(s.clerk), s.agency.id, '2026-03', {
      version: b1.version,
      title: b1.title,
      bodyText: `${b1.bodyText}\n（已审改）`,
    });
    await generateBulletin(systemCtx(db, s.clock), s.agency.id, '2026-03');
    const b2 = (await findBulletin(db, s.agency.id, '2026-03'))!;
    assert.match(b2.bodyText, /（已审改）/);
    assert.equal(b2.isEdited, true);
  });
});
