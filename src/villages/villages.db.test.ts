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
import { prepareDatabase } from '../setup.ts';
import { systemActor } from '../context.ts';
import { loadDemo, DEMO_TOWNSHIP_CODE } from '../demo/load-demo.ts';
import { findAgencyByCode } from '../org/org.queries.ts';
import { generateReport } from '../annual-report/generator/generate-report.ts';
import { ensureItemTemplates } from './seed-item-templates.ts';
import { createDisclosure, saveDisclosure } from './save-disclosure.ts';
import { submitDisclosure } from './submit-disclosure.ts';
import { superviseDisclosure } from './supervise-disclosure.ts';
import { reviewDisclosure } from './review-disclosure.ts';
import { recordDecision } from './record-decision.ts';
import {
  answerObjection,
  escalateLapsedObjections,
  listObjections,
  raiseObjection,
  recordObjectionOutcome,
} from './objections.ts';
import { countByKind, townshipOverview } from './township-overview.ts';
import { sendVillageReminders } from './send-village-reminders.ts';
import { findDisclosure, listSteps } from './villages.queries.ts';
import { addDisclosurePhoto } from './add-disclosure-photo.ts';
import { fileStoreOf } from '../storage/index.ts';
import sharp from 'sharp';
import os from 'node:os';
import fs from 'node:fs';
import path from 'node:path';

const clock = fixedClock('2026-10-05T02:00:00Z'); // Beijing 2026-10-05
const files = fileStoreOf({
  fileStore: 'disk',
  dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'gk-villages-')),
});
const lines = [
  { date: '2026-07-05', voucher: '记001', summary: '上级转移支付', income: '30000', expense: '' },
  { date: '2026-08-12', voucher: '记002', summary: '村道维修材料', income: '', expense: '4560.50' },
];
const finance = {
  opening: '52000',
  lines,
  totalIncome: '30000',
  totalExpense: '4560.50',
  closing: '77439.50',
  note: '',
};

describeEachDialect('村级公开: the chain, 四议两公开, objections, the township view', (t) => {
  test('liaison → 监委会 → township; refusals; every step audited and every waiting state notified', async () => {
    const { db } = t();
    const town = await makeAgency(db);
    const v = await makeVillage(db, town.id, '费家村');
    const other = await makeVillage(db, town.id, '白崖村');
    const liaison = await makeUser(db, town.id, ['liaison'], { villageId: v });
    const otherLiaison = await makeUser(db, town.id, ['liaison'], { villageId: other });
    await ensureItemTemplates(systemCtx(db, clock), town.id);
    const as = (u: Awaited<ReturnType<typeof makeUser>>) => ctxAs(db, userActor(u), clock);

    const id = await createDisclosure(as(liaison), {
      villageId: v,
      code: 'finance_quarterly',
      period: '2026-Q3',
    });
    let item = (await findDisclosure(db, id))!;
    assert.equal(item.dueOn, '2026-10-10');
    await assert.rejects(
      createDisclosure(as(liaison), { villageId: v, code: 'finance_quarterly', period: '2026-Q3' }),
      /已经填报/,
    );
    await assert.rejects(
      createDisclosure(as(otherLiaison), { villageId: v, code: 'finance_quarterly', period: '2026-Q2' }),
      /本村信息联络员/,
    );
    await assert.rejects(
      saveDisclosure(as(otherLiaison), id, { version: 1, title: 'x', noticeDays: 0 }, {}),
      /未找到|不存在|本村/,
    );

    // Money that does not add up is refused, naming the row.
    await saveDisclosure(
      as(liaison),
      id,
      { version: 1, title: item.title, noticeDays: 0 },
      { ...finance, totalExpense: '4560' },
    );
    await assert.rejects(submitDisclosure(as(liaison), id), /合计行“支出合计”/);
    await saveDisclosure(as(liaison), id, { version: 2, title: item.title, noticeDays: 0 }, finance);
    // The voucher photo the template requires.
    await assert.rejects(submitDisclosure(as(liaison), id), /记账凭证照片/);
    const photo = await sharp({ create: { width: 50, height: 40, channels: 3, background: 'white' } })
      .jpeg()
      .toBuffer();
    await assert.rejects(
      addDisclosurePhoto(as(liaison), files, id, 'voucher', {
        name: 'x.pdf',
        bytes: new TextEncoder().encode('%PDF-1.4'),
      }),
      /不是照片/,
    );
    await addDisclosurePhoto(as(liaison), files, id, 'voucher', { name: 'v.jpg', bytes: photo });
    // No 监委会 member in the village: refused, nothing moves (no dead end).
    await assert.rejects(submitDisclosure(as(liaison), id), /村务监督委员会成员账号/);
    assert.equal((await findDisclosure(db, id))!.status, 'draft');
    const sup = await makeUser(db, town.id, ['village_supervisor'], { villageId: v });
    await submitDisclosure(as(liaison), id);
    const note = await db
      .selectFrom('notifications')
      .select(['title'])
      .where('user_id', '=', sup.id)
      .execute();
    assert.match(note[0]!.title, /待村务监督委员会审核/);

    // 修改 returns it; the township has nobody yet so 同意 is refused; then it goes on.
    await superviseDisclosure(as(sup), id, { opinion: 'revise', reason: '请补充凭证号' });
    assert.equal((await findDisclosure(db, id))!.status, 'returned');
    await assert.rejects(superviseDisclosure(as(sup), id, { opinion: 'agree' }), /村务监督委员会成员/);
    await submitDisclosure(as(liaison), id);
    await assert.rejects(superviseDisclosure(as(sup), id, { opinion: 'disagree' }), /写明理由/);
    await assert.rejects(superviseDisclosure(as(sup), id, { opinion: 'agree' }), /包村干部或党政办/);
    const cadre = await makeUser(db, town.id, ['village_cadre'], { villageId: v });
    const otherCadre = await makeUser(db, town.id, ['village_cadre'], { villageId: other });
    await superviseDisclosure(as(sup), id, { opinion: 'disagree', reason: '一笔支出无发票' });
    item = (await findDisclosure(db, id))!;
    assert.equal(item.status, 'township_review');
    await assert.rejects(reviewDisclosure(as(otherCadre), id, { action: 'approve' }), /包村干部/);
    await reviewDisclosure(as(cadre), id, { action: 'approve' });
    item = (await findDisclosure(db, id))!;
    assert.equal(item.status, 'published');
    assert.equal(item.publishedOn, '2026-10-05');
    assert.equal(item.supervisionOpinion, 'disagree');
    const steps = await listSteps(db, id);
    assert.deepEqual(
      steps.map((s) => `${s.round}:${s.step}:${s.action}`),
      [
        '1:submit:submit',
        '1:supervision:revise',
        '2:submit:submit',
        '2:supervision:disagree',
        '2:township:approve',
      ],
    );
    const audit = await db
      .selectFrom('audit_events')
      .select('action')
      .where('object_type', '=', 'village_disclosure')
      .where('object_id', '=', String(id))
      .execute();
    for (const a of [
      'village_disclosure.created',
      'village_disclosure.submitted',
      'village_disclosure.supervised',
      'village_disclosure.published',
      'village_disclosure.file_added',
    ])
      assert.ok(
        audit.some((x) => x.action === a),
        a,
      );

    // A 公示期 shorter than the template's minimum is refused.
    const welfare = await createDisclosure(as(liaison), { villageId: v, code: 'welfare_recipients' });
    await assert.rejects(
      saveDisclosure(as(liaison), welfare, { version: 1, title: '低保', noticeDays: 5 }, {}),
      /不得少于模板规定的7天/,
    );

    // A villager objects: the phone number is never read back; lapsed, it escalates; the township records the outcome.
    const pub = { db, clock, actor: { kind: 'public' as const }, meta: { ip: '1.2.3.4' } };
    await assert.rejects(raiseObjection(pub, id, { body: '请公开发票', name: '', phone: '' }), /联系电话/);
    const oid = await raiseObjection(pub, id, {
      body: '身份证632126198001010011的那户为什么没有？',
      name: '张三',
      phone: '13800001111',
    });
    const [o] = await listObjections({ db }, { disclosureId: id });
    assert.equal(o!.hasPhone, true);
    assert.doesNotMatch(JSON.stringify(o), /13800001111|632126198001010011/);
    assert.equal(o!.answerDueOn, '2026-10-15');
    assert.equal(await escalateLapsedObjections(systemCtx(db, clock)), 0);
    await assert.rejects(recordObjectionOutcome(as(cadre), oid, { outcome: '已查' }), /已转乡镇/);
    const late = fixedClock('2026-10-17T02:00:00Z');
    assert.equal(await escalateLapsedObjections(systemCtx(db, late)), 1);
    await assert.rejects(answerObjection(as(liaison), oid, { answer: '迟到的答复' }), /不在待答复/);
    const esc = await db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', cadre.id)
      .where('kind', '=', 'village.escalated')
      .execute();
    assert.equal(esc.length, 1);
    await recordObjectionOutcome(ctxAs(db, userActor(cadre), late), oid, {
      outcome: '经调查，责令补充公开发票',
      orderDisclosure: true,
    });
    assert.equal((await listObjections({ db }, { disclosureId: id }))[0]!.status, 'resolved');
  });

  test('四议两公开 generates its two disclosures and tracks them until both are out', async () => {
    const { db } = t();
    const town = await makeAgency(db);
    const v = await makeVillage(db, town.id);
    const liaison = await makeUser(db, town.id, ['liaison'], { villageId: v });
    await makeUser(db, town.id, ['village_supervisor'], { villageId: v });
    const clerk = await makeUser(db, town.id, ['clerk']);
    await ensureItemTemplates(systemCtx(db, clock), town.id);
    const ctx = ctxAs(db, userActor(liaison), clock);
    const d = {
      villageId: v,
      title: '村集体光伏收益分配',
      proposal: '按人口分配70%，留存30%用于公益事业',
      proposedOn: '2026-09-01',
      consultedOn: '2026-09-03',
      partyMeetingOn: '2026-09-05',
      partyTotal: 30,
      partyPresent: 19,
      partyAgree: 18,
      assemblyKind: 'representatives' as const,
      assemblyOn: '2026-09-08',
      assemblyTotal: 36,
      assemblyPresent: 30,
      assemblyAgree: 28,
    };
    await assert.rejects(recordDecision(ctx, d), /不足应到30人的三分之二/);
    const { decisionId, itemIds } = await recordDecision(ctx, { ...d, partyPresent: 22 });
    const [res, out] = await Promise.all(itemIds.map((i) => findDisclosure(db, i)));
    assert.equal(res!.decisionStage, 'resolution');
    assert.equal(res!.dueOn, '2026-09-13');
    assert.equal(out!.decisionStage, 'result');
    const status = async () =>
      (
        await db
          .selectFrom('village_decisions')
          .select('status')
          .where('id', '=', decisionId)
          .executeTakeFirstOrThrow()
      ).status;
    assert.equal(await status(), 'resolution_pending');
    // The overdue 决议公开 is flagged for the township by the daily sweep.
    await sendVillageReminders(systemCtx(db, clock));
    const flagged = await db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', clerk.id)
      .execute();
    assert.ok(flagged.some((n) => /决议公开已逾期/.test(n.title)));
    const sup = (await db.selectFrom('users').select('id').where('village_id', '=', v).execute()).map(
      (x) => x.id,
    );
    void sup;
    const minutes = await sharp({ create: { width: 50, height: 40, channels: 3, background: 'white' } })
      .jpeg()
      .toBuffer();
    await addDisclosurePhoto(ctx, files, itemIds[0]!, 'minutes', { name: '会议记录.jpg', bytes: minutes });
    await submitDisclosure(ctx, itemIds[0]!);
    const supervisor = (
      await db
        .selectFrom('users as u')
        .innerJoin('user_roles as r', 'r.user_id', 'u.id')
        .select('u.id')
        .where('r.role', '=', 'village_supervisor')
        .where('u.village_id', '=', v)
        .executeTakeFirstOrThrow()
    ).id;
    const supActor = {
      kind: 'user' as const,
      userId: supervisor,
      name: '监委会',
      agencyId: town.id,
      officeId: null,
      villageId: v,
      roles: ['village_supervisor' as const],
    };
    await superviseDisclosure(ctxAs(db, supActor, clock), itemIds[0]!, { opinion: 'agree' });
    await reviewDisclosure(ctxAs(db, userActor(clerk), clock), itemIds[0]!, { action: 'approve' });
    assert.equal(await status(), 'result_pending');
  });
});

describeEachDialect('村级公开 demo', (t) => {
  test('the demo township: realistic counts, the heatmap and the annual report paragraph come from the demo data', async () => {
    const { db } = t();
    const demoClock = fixedClock('2026-12-20T02:00:00Z');
    await prepareDatabase(db, demoClock);
    const ctx = { db, clock: demoClock, actor: systemActor('演示数据'), meta: { ip: null } };
    await loadDemo(ctx);
    const town = (await findAgencyByCode(db, DEMO_TOWNSHIP_CODE))!;
    const { villages, counts } = await countByKind(db, town.id, 2026);
    assert.equal(villages, 13);
    assert.ok(counts.party >= 70 && counts.party <= 100, `party ${counts.party}`);
    assert.ok(counts.affairs >= 100 && counts.affairs <= 150, `affairs ${counts.affairs}`);
    assert.ok(counts.finance >= 100 && counts.finance <= 150, `finance ${counts.finance}`);
    const ov = await townshipOverview(db, town.id, 2026, demoClock.today());
    assert.equal(ov.villages.length, 13);
    assert.equal(
      ov.villages.every((v) => v.cells.length === 12),
      true,
    );
    const due = ov.villages.flatMap((v) => v.cells).reduce((s, c) => s + c.due, 0);
    const onTime = ov.villages.flatMap((v) => v.cells).reduce((s, c) => s + c.onTime, 0);
    assert.ok(onTime / due > 0.8 && onTime / due < 0.98, `on-time share ${onTime}/${due}`);
    assert.ok(ov.overdue.length > 0, 'some never disclosed');
    const objections = await db
      .selectFrom('village_objections')
      .select('status')
      .where('agency_id', '=', town.id)
      .execute();
    assert.ok(new Set(objections.map((o) => o.status)).size >= 3);
    const r = await generateReport(ctx, { agencyId: town.id, year: 2026 });
    assert.ok(
      r.texts.overview.includes(
        `2026年全乡13个村累计开展党务公开${counts.party}次、村务公开${counts.affairs}次、财务公开${counts.finance}次。`,
      ),
      r.texts.overview,
    );
  });
});
