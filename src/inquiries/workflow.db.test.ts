import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import {
  ctxAs,
  fixedClock,
  makeAgency,
  makeOffice,
  makeUser,
  makeVillage,
  systemCtx,
  userActor,
} from '../../test/support/factories.ts';
import { seedCalendar } from '../calendar/seed-calendar.ts';
import { setDisclosureOffice } from '../org/manage-agency.ts';
import type { Db } from '../db/database.ts';
import type { Ctx } from '../context.ts';
import { DomainError } from '../errors.ts';
import { submitInquiry } from './submit-inquiry.ts';
import { routeInquiry, requestTransfer, decideTransfer } from './route-inquiry.ts';
import { approveReply, extendInquiry, returnReply, submitReply } from './reply-inquiry.ts';
import { mergeInquiry, referInquiry, rejectInquiry } from './close-inquiry.ts';
import { convertInquiry } from './convert-inquiry.ts';
import { rateInquiry, reopenInquiry, trackInquiry } from './citizen-inquiry.ts';
import { publishInquiry, saveFaq } from './publish-inquiry.ts';
import { saveRoutingRules } from './manage-settings.ts';
import { getInquiry, reporterCount } from './inquiries.queries.ts';
import { ChallengeRequired } from './abuse.ts';
import { searchDocuments } from '../search/search-index.ts';
import { getRequest } from '../requests/index.ts';
import { sendInquiryAlerts } from './send-inquiry-alerts.ts';

const clock = fixedClock('2026-03-02T02:00:00Z'); // Monday 2 March 2026, 10:00 Beijing

async function setup(db: Db) {
  await seedCalendar(systemCtx(db, clock));
  const agency = await makeAgency(db);
  const disclosure = await makeOffice(db, agency.id, '党政综合办公室');
  await setDisclosureOffice(systemCtx(db), agency.id, disclosure);
  const farm = await makeOffice(db, agency.id, '农业农村综合服务中心');
  const social = await makeOffice(db, agency.id, '社会事务办');
  const village = await makeVillage(db, agency.id, '费家村');
  const as = async (roles: Parameters<typeof makeUser>[2], officeId: number | null) =>
    ctxAs(db, userActor(await makeUser(db, agency.id, roles, { officeId })), clock);
  const clerk = await as(['clerk'], disclosure);
  const farmDrafter = await as(['drafter'], farm);
  const farmHead = await as(['office_head'], farm);
  const socialHead = await as(['office_head'], social);
  let ipN = 0;
  const citizen = (): Ctx => ({ db, clock, actor: { kind: 'public' }, meta: { ip: `10.0.0.${++ipN}` } });
  return {
    agency: { ...agency, disclosureOfficeId: disclosure },
    farm,
    social,
    village,
    clerk,
    farmDrafter,
    farmHead,
    socialHead,
    citizen,
  };
}

let phoneN = 0;
const message = (over: Record<string, string> = {}) => ({
  kind: 'question',
  topic: '农业农村',
  body: '请问今年春耕的种粮补贴什么时候发放？我的电话13912345678。',
  contactName: '马先生',
  contactPhone: `1391234${String(5000 + ++phoneN)}`,
  allowPublish: '1',
  ...over,
});

describeEachDialect('inquiries workflow', (t) => {
  test('ask → route → transfer accepted → returned → approved → 不满意 → reopen → 满意 → published and searchable', async () => {
    const { db } = t();
    const s = await setup(db);
    await saveRoutingRules(s.clerk, s.agency.id, {
      rules: [{ topic: '农业农村', villageId: null, officeId: s.farm }],
    });
    const q = await submitInquiry(s.citizen(), s.agency, message({ villageId: String(s.village) }));
    assert.equal(q.status, 'pending_routing');
    assert.equal(q.officeId, s.farm, 'suggested by the routing rule');
    assert.equal(q.dueOn, '2026-03-09', '咨询: 5 working days after Monday 2 March');
    const clerkNotes = await db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', (s.clerk.actor as { userId: number }).userId)
      .execute();
    assert.ok(clerkNotes.some((n) => n.title.includes(q.reference)));

    // A drafter cannot route; the clerk can.
    await assert.rejects(
      routeInquiry(s.farmDrafter, q.id, { officeId: s.farm }),
      (e: DomainError) => e.code === 'forbidden',
    );
    await routeInquiry(s.clerk, q.id, { officeId: s.farm });

    // 首问负责: the farm office asks the social office; until accepted the farm office stays responsible.
    await requestTransfer(s.farmDrafter, q.id, { toOfficeId: s.social, reason: '涉及低保政策' });
    assert.equal((await getInquiry(db, q.id)).officeId, s.farm);
    await assert.rejects(
      decideTransfer(s.farmHead, q.id, { accept: '1' }),
      (e: DomainError) => e.code === 'forbidden',
    );
    await decideTransfer(s.socialHead, q.id, { accept: '1' });
    assert.equal((await getInquiry(db, q.id)).officeId, s.social);

    await submitReply(s.socialHead, q.id, { reply: '春耕补贴预计4月发放。' });
    await returnReply(s.socialHead, q.id, { reason: '请写明发放渠道' });
    const returned = await getInquiry(db, q.id);
    assert.equal(returned.status, 'in_progress');
    assert.equal(returned.returnedReason, '请写明发放渠道');
    await submitReply(s.socialHead, q.id, {
      reply: '春耕补贴预计4月通过“一卡通”发放，联系电话0972-1234567。',
    });
    await approveReply(s.socialHead, q.id);
    const answered = await getInquiry(db, q.id);
    assert.equal(answered.status, 'answered');
    assert.equal(answered.firstRepliedOn, '2026-03-02');

    // Tracking: a forged code is "not found"; the right one shows the reply.
    const citizen = s.citizen();
    await assert.rejects(
      trackInquiry(citizen, { reference: q.reference, code: 'ABCDEFGH' }),
      (e: DomainError) => e.code === 'not_found',
    );
    const track = { reference: q.reference, code: q.trackingCode.toLowerCase() };
    const t1 = await trackInquiry(citizen, track);
    assert.match(t1.reply!, /一卡通/);
    assert.ok(t1.canRate && t1.canReopen);

    await assert.rejects(
      rateInquiry(citizen, { ...track, rating: 'dissatisfied' }),
      (e: DomainError) => e.code === 'validation',
    );
    await rateInquiry(citizen, { ...track, rating: 'dissatisfied', reason: '没有说具体日期' });
    const reopened = await reopenInquiry(citizen, { ...track, reopenReason: '请告知具体发放日期' });
    assert.equal(reopened.inquiry.status, 'in_progress');
    assert.equal(reopened.inquiry.dueOn, '2026-03-09');
    await submitReply(s.socialHead, q.id, { reply: '补贴将于4月10日前发放到一卡通账户。' });
    await approveReply(s.socialHead, q.id);
    const t2 = await rateInquiry(citizen, { ...track, rating: 'satisfied' });
    assert.equal(t2.inquiry.rating, 'satisfied');
    const history = t2.events.map((e) => e.kind);
    for (const k of ['submitted', 'routed', 'transfer_accepted', 'answered', 'rated', 'reopened'])
      assert.ok(history.includes(k), k);

    const final = await getInquiry(db, q.id);
    await publishInquiry(s.clerk, q.id, { title: '春耕补贴发放时间', body: final.body, reply: final.reply! });
    const pub = await getInquiry(db, q.id);
    assert.ok(pub.isPublished);
    assert.ok(!pub.publicBody!.includes('13912345678'), 'phone masked');
    assert.match(pub.publicBody!, /139\*\*\*\*5678/);
    const found = await searchDocuments(db, { q: '春耕补贴', agencyIds: [s.agency.id], publicOnly: true });
    assert.ok(found.hits.some((h) => h.kind === 'inquiry' && h.refId === q.id));
    assert.ok(!found.hits.some((h) => JSON.stringify(h).includes('马先生')), 'the contact is not published');

    await saveFaq(
      s.clerk,
      s.agency.id,
      null,
      { question: '春耕补贴什么时候发？', answer: '每年4月。', isPublished: '1' },
      q.id,
    );
    const faq = await searchDocuments(db, {
      q: '春耕',
      agencyIds: [s.agency.id],
      publicOnly: true,
      kinds: ['inquiry_faq'],
    });
    assert.equal(faq.total, 1);
  });

  test('conversion into a disclosure request: received on the conversion day, linked, in the request ledger', async () => {
    const { db } = t();
    const s = await setup(db);
    const q = await submitInquiry(
      s.citizen(),
      s.agency,
      message({ body: '我想要2025年费家村道路硬化项目的验收报告。' }),
    );
    clock.set('2026-03-04T02:00:00Z');
    try {
      const r = await convertInquiry(s.clerk, q.id, {
        applicantKind: 'natural_person',
        applicantName: '马福祥',
        idType: 'resident_id',
        idNumber: '11010519491231002X',
        phone: '13912345678',
        infoDescription: '2025年费家村道路硬化项目的验收报告',
        formRequested: 'electronic',
        deliveryRequested: 'email',
        email: 'ma@example.com',
      });
      const req = await getRequest(db, r.id);
      assert.equal(req.receivedOn, '2026-03-04', 'receipt date = confirmation (conversion) date');
      assert.equal(req.submittedOn, '2026-03-02');
      assert.equal(req.status, 'accepted');
      assert.ok(req.dueOn && req.dueOn > '2026-03-30', '20 working days from 4 March');
      const after = await getInquiry(db, q.id);
      assert.equal(after.status, 'converted');
      assert.equal(after.convertedRequestId, r.id);
      const letters = await db
        .selectFrom('request_letters')
        .select('kind')
        .where('request_id', '=', r.id)
        .execute();
      assert.deepEqual(
        letters.map((l) => l.kind),
        ['receipt'],
      );
      await assert.rejects(convertInquiry(s.clerk, q.id, {}), (e: DomainError) => e.code === 'invalid_state');
    } finally {
      clock.set('2026-03-02T02:00:00Z');
    }
  });

  test('duplicates merge into one thread (N人反映); referral and 不予受理 tell the citizen; one extension only', async () => {
    const { db } = t();
    const s = await setup(db);
    const main = await submitInquiry(
      s.citizen(),
      s.agency,
      message({ kind: 'complaint', body: '费家村路灯坏了一个月没人修。' }),
    );
    const dup1 = await submitInquiry(
      s.citizen(),
      s.agency,
      message({ kind: 'complaint', body: '费家村路灯不亮，晚上出行不安全。', contactPhone: '13900000001' }),
    );
    const dup2 = await submitInquiry(
      s.citizen(),
      s.agency,
      message({ kind: 'complaint', body: '反映费家村路灯问题。', contactPhone: '13900000002' }),
    );
    await mergeInquiry(s.clerk, dup1.id, { intoReference: main.reference });
    await mergeInquiry(s.clerk, dup2.id, { intoReference: main.reference });
    assert.equal(await reporterCount(db, main.id), 3);
    await assert.rejects(
      mergeInquiry(s.clerk, main.id, { intoReference: main.reference }),
      (e: DomainError) => e.code === 'validation',
    );
    await routeInquiry(s.clerk, main.id, { officeId: s.farm });
    await extendInquiry(s.farmDrafter, main.id, { days: '5', reason: '需现场核实' });
    assert.equal((await getInquiry(db, main.id)).dueOn, '2026-03-30', '15 + 5 working days');
    await assert.rejects(
      extendInquiry(s.farmDrafter, main.id, { days: '1', reason: '再延' }),
      (e: DomainError) => e.code === 'invalid_state',
    );
    await submitReply(s.farmDrafter, main.id, { reply: '已安排维修。' });
    await approveReply(s.farmHead, main.id);
    const seen = await trackInquiry(s.citizen(), { reference: dup1.reference, code: dup1.trackingCode });
    assert.equal(seen.reply, '已安排维修。', 'a merged citizen reads the thread answer');
    assert.equal(seen.reporters, 3);
    const jobs = await db
      .selectFrom('jobs')
      .select('payload_json')
      .where('kind', '=', 'inquiries.notify_citizen')
      .execute();
    assert.ok(
      jobs.some((j) => JSON.parse(j.payload_json).inquiryId === dup2.id),
      'merged citizens are told',
    );

    const other = await submitInquiry(s.citizen(), s.agency, message({ body: '县医院挂号太难，希望改进。' }));
    await referInquiry(s.clerk, other.id, {
      to: '互助县12345政务服务便民热线',
      note: '县医院不属于本乡管理，已转12345热线。',
    });
    const ref = await trackInquiry(s.citizen(), { reference: other.reference, code: other.trackingCode });
    assert.equal(ref.inquiry.status, 'referred');
    assert.ok(ref.events.some((e) => e.kind === 'referred' && e.note!.includes('12345')));
    const junk = await submitInquiry(s.citizen(), s.agency, message({ body: '低价推销化肥，欢迎订购。' }));
    await rejectInquiry(s.clerk, junk.id, { reason: 'advertising', note: '与政务无关。' });
    assert.equal((await getInquiry(db, junk.id)).status, 'rejected');
  });

  test('anti-abuse: honeypot, a challenge only past the limit, bad input keeps nothing half-stored', async () => {
    const { db } = t();
    const s = await setup(db);
    const ctx: Ctx = { db, clock, actor: { kind: 'public' }, meta: { ip: '10.9.9.9' } };
    await assert.rejects(
      submitInquiry(ctx, s.agency, message(), { abuse: { honeypot: 'http://spam' } }),
      (e: DomainError) => e.code === 'validation',
    );
    await assert.rejects(
      submitInquiry(ctx, s.agency, message({ body: '<script>alert(1)</script>你好你好' })),
      (e: DomainError) => /脚本/.test(e.message),
    );
    await assert.rejects(submitInquiry(ctx, s.agency, message({ body: '' })), (e: DomainError) =>
      /请填写留言内容/.test(e.message),
    );
    await assert.rejects(
      submitInquiry(ctx, s.agency, message({ body: '长'.repeat(2001) })),
      (e: DomainError) => /不能超过2000个字/.test(e.message),
    );
    // Contact limit 3 per day: the 4th asks the challenge.
    for (let i = 0; i < 3; i++)
      await submitInquiry(
        { ...ctx, meta: { ip: `10.8.0.${i}` } },
        s.agency,
        message({ contactPhone: '13700000000' }),
      );
    let challenge: ChallengeRequired | undefined;
    await assert.rejects(
      submitInquiry({ ...ctx, meta: { ip: '10.8.0.9' } }, s.agency, message({ contactPhone: '13700000000' })),
      (e) => {
        challenge = e as ChallengeRequired;
        return e instanceof ChallengeRequired;
      },
    );
    const row = await db
      .selectFrom('inquiry_challenges')
      .select('answer')
      .where('token', '=', challenge!.challenge.token)
      .executeTakeFirstOrThrow();
    await assert.rejects(
      submitInquiry(
        { ...ctx, meta: { ip: '10.8.0.9' } },
        s.agency,
        message({ contactPhone: '13700000000' }),
        {
          abuse: { challengeToken: challenge!.challenge.token, challengeAnswer: '999' },
        },
      ),
      ChallengeRequired,
    );
    const ok = await submitInquiry(
      { ...ctx, meta: { ip: '10.8.0.9' } },
      s.agency,
      message({ contactPhone: '13700000000' }),
      {
        abuse: { challengeToken: challenge!.challenge.token, challengeAnswer: row.answer },
      },
    );
    assert.equal(ok.status, 'pending_routing');
    const n = await db
      .selectFrom('inquiries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', s.agency.id)
      .executeTakeFirstOrThrow();
    assert.equal(Number(n.n), 4);
  });

  test('screening: a sensitive word holds the message with the reason; the allow-list lets 杀虫 through', async () => {
    const { db } = t();
    const s = await setup(db);
    const held = await submitInquiry(
      s.citizen(),
      s.agency,
      message({ body: '村里有人聚众赌博，请管一管。' }),
    );
    const fine = await submitInquiry(s.citizen(), s.agency, message({ body: '请问杀虫剂补贴怎么申请？' }));
    assert.equal(held.needsScreening, true);
    assert.equal(fine.needsScreening, false);
    const row = await db
      .selectFrom('inquiries')
      .select('screen_json')
      .where('id', '=', fine.id)
      .executeTakeFirstOrThrow();
    assert.match(row.screen_json!, /允许词“杀虫”/);
  });

  test('the daily run reminds the persons each waiting state resolves to', async () => {
    const { db } = t();
    const s = await setup(db);
    const q = await submitInquiry(s.citizen(), s.agency, message());
    await routeInquiry(s.clerk, q.id, { officeId: s.farm });
    clock.set('2026-03-10T02:00:00Z');
    try {
      await sendInquiryAlerts(systemCtx(db, clock));
      const drafterId = (s.farmDrafter.actor as { userId: number }).userId;
      const notes = await db
        .selectFrom('notifications')
        .select(['kind', 'title'])
        .where('user_id', '=', drafterId)
        .execute();
      assert.ok(notes.some((n) => n.kind === 'inquiry.overdue' && n.title.includes(q.reference)));
    } finally {
      clock.set('2026-03-02T02:00:00Z');
    }
  });
});
