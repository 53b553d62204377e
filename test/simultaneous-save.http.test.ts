/**
 * A simultaneous save (issue 10): two staff post the same step of the same record at the same instant, through the
 * HTTP app (Promise.all of two posts, each from its own signed-in session). Both pass the stale-form check; the
 * database lets one through and the other's version-checked change fails. The loser must get what a stale form
 * gets — who acted first, what they did, when (Beijing time), and the record's state now — and nothing of its own is
 * saved: a request decision, a publication review signature, a routed 互动交流 message.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './support/db.ts';
import {
  ctxAs,
  fixedClock,
  makeAgency,
  makeOffice,
  makeUser,
  systemCtx,
  userActor,
} from './support/factories.ts';
import { testApp, type TestClient } from './support/http.ts';
import { township, PERSON } from './support/request-factories.ts';
import type { Db } from '../src/db/database.ts';
import type { Clock } from '../src/clock.ts';
import type { User } from '../src/org/org.ts';
import { getRequest } from '../src/requests/requests.queries.ts';
import { seedCalendar } from '../src/calendar/seed-calendar.ts';
import { ensureCatalogue } from '../src/publications/seed-catalogue.ts';
import { createPublication } from '../src/publications/save-publication.ts';
import { reviewPublication } from '../src/publications/review-publication.ts';
import { findCategoryByCode, getPublication, listReviews } from '../src/publications/publications.queries.ts';
import { submitInquiry } from '../src/inquiries/submit-inquiry.ts';
import { getInquiry } from '../src/inquiries/inquiries.queries.ts';
import { routeInquiry } from '../src/inquiries/route-inquiry.ts';

/** Who acted first, when (Beijing time: the fixed clock is 10:00), and the state now. */
const stale = (action: string, what: string, state: string) =>
  new RegExp(
    `本次操作未保存：在您打开页面之后，测试用户\\w+已于\\d{4}-\\d{2}-\\d{2} 10:00“${action}”，${what}当前状态为“${state}”`,
  );

async function signedIn(db: Db, clock: Clock, user: User): Promise<TestClient> {
  const c = testApp(db, clock).client();
  await c.signIn(user.username);
  return c;
}

/** Post both at once; returns [winner, loser] by status (exactly one redirect). */
async function race(a: Promise<Response>, b: Promise<Response>): Promise<[Response, Response]> {
  const both = await Promise.all([a, b]);
  const won = both.filter((r) => r.status === 303);
  assert.equal(
    won.length,
    1,
    `exactly one save goes through (statuses ${both.map((r) => r.status).join(', ')})`,
  );
  return [won[0]!, both.find((r) => r.status !== 303)!];
}

describeEachDialect('a simultaneous save: the loser is told who saved first, as a stale form is', (t) => {
  test('two clerks post the same request decision at once', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { agency } = await township(db, clock);
    const one = await makeUser(db, agency.id, ['clerk']);
    const two = await makeUser(db, agency.id, ['clerk']);
    const c1 = await signedIn(db, clock, one);
    const c2 = await signedIn(db, clock, two);
    const reg = await c1.post('/office/requests', {
      ...PERSON,
      channel: 'in_person',
      submittedOn: '2026-03-02',
    });
    assert.equal(reg.status, 303);
    const id = Number(reg.headers.get('location')!.split('/').pop());
    const v = String((await getRequest(db, id)).version);
    const [, lost] = await race(
      c1.post(`/office/requests/${id}/decision`, {
        outcome: 'disclosed',
        basis: '第三十六条第（二）项',
        reason: '予以公开，邮寄纸质文本',
        expectedVersion: v,
      }),
      c2.post(`/office/requests/${id}/decision`, {
        outcome: 'disclosed',
        basis: '第三十六条第（二）项',
        reason: '予以公开，电子邮件发送',
        expectedVersion: v,
      }),
    );
    assert.equal(lost.status, 409);
    assert.match(await lost.text(), stale('提交答复审批', '该申请', '待审批'));
    const r = await getRequest(db, id);
    assert.equal(r.status, 'pending_approval');
    assert.equal(r.version, Number(v) + 1, 'one change only');
  });

  test('two office heads sign the same publication review step at once', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    await seedCalendar(systemCtx(db, clock));
    const agency = await makeAgency(db);
    const office = await makeOffice(db, agency.id);
    const drafter = await makeUser(db, agency.id, ['drafter'], { officeId: office });
    const heads = [
      await makeUser(db, agency.id, ['office_head'], { officeId: office }),
      await makeUser(db, agency.id, ['office_head'], { officeId: office }),
    ];
    await makeUser(db, agency.id, ['deputy_leader']);
    await ensureCatalogue(systemCtx(db, clock), agency.id);
    const cat = (await findCategoryByCode(db, agency.id, 'notices'))!;
    const asDrafter = ctxAs(db, userActor(drafter), clock);
    const id = await createPublication(asDrafter, {
      categoryId: String(cat.id),
      title: '关于春季森林防火的通告',
      issuer: '测试乡人民政府',
      body: '进入春季森林防火期，严禁野外用火。',
      attribute: 'proactive',
      formedOn: '2026-03-02',
    });
    await reviewPublication(asDrafter, id, {
      step: 'first_review',
      action: 'approve',
      version: String((await getPublication(db, id)).version),
    });
    const v = String((await getPublication(db, id)).version);
    const sign = (c: TestClient, n: number) =>
      c.post(`/office/publications/${id}/review`, {
        step: 'second_review',
        action: 'approve',
        secrecyConfirmed: '1',
        secrecyNote: `第${n}位负责人的保密审查说明`,
        reason: `第${n}位负责人的审核意见`,
        version: v,
      });
    const [c1, c2] = [await signedIn(db, clock, heads[0]!), await signedIn(db, clock, heads[1]!)];
    const posts = [sign(c1, 1), sign(c2, 2)] as const;
    const [, lost] = await race(...posts);
    const loser = lost === (await posts[0]) ? 1 : 2;
    // A conflict like every other simultaneous save, on the item's page (not an error page) …
    assert.equal(lost.status, 409);
    const page = await lost.text();
    assert.match(page, stale('审核签批', '该信息', '审核中'));
    assert.match(page, /审核流程（第 1 轮）/);
    // … with what the loser wrote, though the step is no longer theirs to sign.
    assert.match(page, new RegExp(`第${loser}位负责人的审核意见`));
    assert.match(page, new RegExp(`第${loser}位负责人的保密审查说明`));
    const reviews = (await listReviews(db, id)).filter((r) => r.step === 'second_review');
    assert.equal(reviews.length, 1, 'one signature only');
  });

  test('two clerks route the same 互动交流 message at once', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    await seedCalendar(systemCtx(db, clock));
    const agency = await makeAgency(db);
    const farm = await makeOffice(db, agency.id, '农业农村综合服务中心');
    const social = await makeOffice(db, agency.id, '社会事务办');
    const one = await makeUser(db, agency.id, ['clerk']);
    const two = await makeUser(db, agency.id, ['clerk']);
    const q = await submitInquiry(
      { db, clock, actor: { kind: 'public' }, meta: { ip: '10.8.0.1' } },
      agency,
      {
        kind: 'question',
        topic: '农业农村',
        body: '请问今年春耕的种粮补贴什么时候发放？',
        contactName: '马先生',
        contactPhone: '13912340002',
        allowPublish: '1',
      },
    );
    const [c1, c2] = [await signedIn(db, clock, one), await signedIn(db, clock, two)];
    const [, lost] = await race(
      c1.post(`/office/inquiries/${q.id}/route`, { officeId: String(farm) }),
      c2.post(`/office/inquiries/${q.id}/route`, { officeId: String(social) }),
    );
    assert.equal(lost.status, 409);
    assert.match(await lost.text(), stale('留言分办', '该留言', '办理中'));
    const after = await getInquiry(db, q.id);
    assert.equal(after.version, q.version + 1, 'one change only');
  });

  test('a 互动交流 reply form opened before a colleague replied is refused as stale, with the text kept', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    await seedCalendar(systemCtx(db, clock));
    const agency = await makeAgency(db);
    const farm = await makeOffice(db, agency.id, '农业农村综合服务中心');
    const clerk = await makeUser(db, agency.id, ['clerk']);
    const [one, two] = [
      await makeUser(db, agency.id, ['drafter'], { officeId: farm }),
      await makeUser(db, agency.id, ['drafter'], { officeId: farm }),
    ];
    const q = await submitInquiry(
      { db, clock, actor: { kind: 'public' }, meta: { ip: '10.8.0.2' } },
      agency,
      {
        kind: 'question',
        topic: '农业农村',
        body: '请问今年春耕的种粮补贴什么时候发放？',
        contactName: '马先生',
        contactPhone: '13912340003',
        allowPublish: '1',
      },
    );
    await routeInquiry(ctxAs(db, userActor(clerk), clock), q.id, { officeId: String(farm) });
    const [c1, c2] = [await signedIn(db, clock, one!), await signedIn(db, clock, two!)];
    /** The version the page's form of a step carries. */
    const versionIn = async (c: TestClient, step: string) => {
      const html = await (await c.get(`/office/inquiries/${q.id}`)).text();
      const form = new RegExp(`action="/office/inquiries/${q.id}/${step}"[^]*?</form>`).exec(html)?.[0] ?? '';
      const v = /name="version" value="(\d+)"/.exec(form)?.[1];
      assert.ok(v, `the ${step} form carries the message's version`);
      return v;
    };
    const opened = await versionIn(c1, 'reply');
    const first = await c2.post(`/office/inquiries/${q.id}/reply`, {
      outcome: 'answer',
      reply: '种粮补贴将于4月底前发放到户。',
      version: await versionIn(c2, 'reply'),
    });
    assert.equal(first.status, 303);
    // The first drafter's form, opened before: refused with who did what and when, the state now, the text kept.
    const late = await c1.post(`/office/inquiries/${q.id}/reply`, {
      outcome: 'answer',
      reply: '补贴资金已到位，预计本月发放。',
      version: opened,
    });
    assert.equal(late.status, 409);
    const page = await late.text();
    assert.match(page, stale('提交留言答复', '该留言', '答复待审核'));
    assert.match(page, /补贴资金已到位，预计本月发放。/);
    const after = await getInquiry(db, q.id);
    assert.equal(after.draftReply, '种粮补贴将于4月底前发放到户。', "the colleague's reply stands");
    assert.equal(after.version, Number(opened) + 1, 'one change only');
    // Any other step form opened before is refused the same way (here 延期, still shown to the drafter).
    const stillOpen = await c1.post(`/office/inquiries/${q.id}/extend`, {
      days: '5',
      reason: '需要到村核实',
      version: opened,
    });
    assert.equal(stillOpen.status, 409);
    assert.match(await stillOpen.text(), stale('提交留言答复', '该留言', '答复待审核'));
    assert.equal((await getInquiry(db, q.id)).extensionDays, null, 'nothing saved from a stale form');
  });
});
