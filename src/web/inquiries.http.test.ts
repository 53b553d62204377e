import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { fixedClock, makeAgency, makeOffice, makeUser, systemCtx } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';
import { seedCalendar } from '../calendar/seed-calendar.ts';
import { setDisclosureOffice } from '../org/manage-agency.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from '../clock.ts';

async function town(db: Db, clock: Clock) {
  await seedCalendar(systemCtx(db, clock));
  const agency = await makeAgency(db);
  const office = await makeOffice(db, agency.id, '党政综合办公室');
  const farm = await makeOffice(db, agency.id, '农业农村综合服务中心');
  await setDisclosureOffice(systemCtx(db), agency.id, office);
  // One portal agency per database: this test's township.
  await db.deleteFrom('agency_settings').where('key', '=', 'installation.home').execute();
  await db
    .insertInto('agency_settings')
    .values({ agency_id: agency.id, key: 'installation.home', value_json: 'true', updated_at: '' })
    .onConflict((oc) => oc.columns(['agency_id', 'key']).doNothing())
    .execute();
  const clerk = await makeUser(db, agency.id, ['clerk'], { officeId: office });
  const head = await makeUser(db, agency.id, ['office_head'], { officeId: farm });
  return { agency, office, farm, clerk, head };
}

let n = 0;
const ask = (over: Record<string, string> = {}) => ({
  kind: 'question',
  topic: '农业农村',
  body: '请问村里的高标准农田什么时候开工？',
  contactName: '马先生',
  contactPhone: `1371234${String(1000 + ++n)}`,
  allowPublish: '1',
  ...over,
});

const grab = (html: string, attr: string) => new RegExp(`${attr}="?[^>]*>([^<]+)<`).exec(html)![1]!;

describeEachDialect('inquiries over HTTP', (t) => {
  test('bad input gets a Chinese message and keeps every typed value; a good one gives reference and code', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T01:00:00Z');
    await town(db, clock);
    const c = testApp(db, clock).client();
    const form = await c.get('/inquiries/ask');
    assert.equal(form.status, 200);
    const formHtml = await form.text();
    assert.match(formHtml, /不清楚（由工作人员按事项分办）/);
    assert.match(formHtml, /name="website"/, 'honeypot present');

    const empty = await c.post('/inquiries/ask', ask({ body: '' }));
    assert.equal(empty.status, 400);
    const emptyHtml = await empty.text();
    assert.match(emptyHtml, /请填写留言内容/);
    assert.match(emptyHtml, /value="马先生"/);

    const script = await c.post('/inquiries/ask', ask({ body: '你好<script>alert(1)</script>请回复' }));
    assert.equal(script.status, 400);
    const scriptHtml = await script.text();
    assert.match(scriptHtml, /不能包含网页代码或脚本/);
    assert.match(scriptHtml, /你好&lt;script>alert\(1\)&lt;\/script>请回复/, 'kept, escaped');

    const long = await c.post('/inquiries/ask', ask({ body: '长'.repeat(2001) }));
    assert.equal(long.status, 400);
    assert.match(await long.text(), /不能超过2000个字/);

    const trap = await c.post('/inquiries/ask', ask({ website: 'http://spam.example' }));
    assert.equal(trap.status, 400);
    assert.match(await trap.text(), /隐藏栏目/);

    const ok = await c.post('/inquiries/ask', ask());
    assert.equal(ok.status, 200);
    const done = await ok.text();
    const reference = grab(done, 'data-reference');
    const code = grab(done, 'data-tracking-code');
    assert.match(code, /^[A-Z2-9]{8}$/);

    const forged = await c.post('/inquiries/track', { reference, code: 'AAAAAAAA' });
    assert.equal(forged.status, 400);
    assert.match(await forged.text(), /留言编号或查询码不正确/);
    const tracked = await c.post('/inquiries/track', { reference, code: code.toLowerCase() });
    assert.equal(tracked.status, 200);
    const page = await tracked.text();
    assert.match(page, /待分办/);
    assert.doesNotMatch(page, /1371234/, 'the contact is not shown back');
  });

  test('a flood from one address: a challenge past the limit, the text kept, the right answer goes through', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T03:00:00Z');
    await town(db, clock);
    const c = testApp(db, clock).client();
    for (let i = 0; i < 5; i++) {
      const r = await c.post('/inquiries/ask', ask());
      assert.equal(r.status, 200, /form-error[^>]*>([^<]*)/.exec(await r.text())?.[1]);
    }
    const flood = await c.post('/inquiries/ask', ask({ body: '第六条留言，内容不能丢' }));
    assert.equal(flood.status, 429);
    const html = await flood.text();
    assert.match(html, /验证问题/);
    assert.match(html, /第六条留言，内容不能丢/);
    const token = /name="challengeToken" value="([0-9a-f]+)"/.exec(html)![1]!;
    const row = await db
      .selectFrom('inquiry_challenges')
      .select('answer')
      .where('token', '=', token)
      .executeTakeFirstOrThrow();
    const wrong = await c.post(
      '/inquiries/ask',
      ask({ body: '第六条留言，内容不能丢', challengeToken: token, challengeAnswer: '0' }),
    );
    assert.equal(wrong.status, 429);
    const right = await c.post(
      '/inquiries/ask',
      ask({ body: '第六条留言，内容不能丢', challengeToken: token, challengeAnswer: row.answer }),
    );
    assert.equal(right.status, 200);
    // Past four times the limit: refused outright.
    for (let i = 0; i < 14; i++) await c.post('/inquiries/ask', ask());
    const hard = await c.post('/inquiries/ask', ask({ body: '还有一条留言要提交' }));
    assert.equal(hard.status, 429);
    assert.match(await hard.text(), /已暂停受理/);
  });

  test('the clerk routes, the head answers; the published Q&A shows office and date, never the contact', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T05:00:00Z');
    const s = await town(db, clock);
    const citizen = testApp(db, clock).client();
    const done = await (
      await citizen.post(
        '/inquiries/ask',
        ask({ contactName: '韩建军', body: '请问农机补贴怎么申请？我的身份证11010519491231002X' }),
      )
    ).text();
    const reference = grab(done, 'data-reference');
    const code = grab(done, 'data-tracking-code');
    const q = await db
      .selectFrom('inquiries')
      .select(['id', 'contact_phone'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();

    const clerk = testApp(db, clock).client();
    await clerk.signIn(s.clerk.username);
    const ledger = await (await clerk.get('/office/inquiries')).text();
    assert.match(ledger, new RegExp(reference.replace(/[〔〕]/g, '.')));
    const detail = await (await clerk.get(`/office/inquiries/${q.id}`)).text();
    assert.match(detail, /身份证号/, 'the screening tells the clerk what it found');
    assert.equal(
      (await clerk.post(`/office/inquiries/${q.id}/route`, { officeId: String(s.farm) })).status,
      303,
    );
    const head = testApp(db, clock).client();
    await head.signIn(s.head.username);
    assert.equal(
      (await head.post(`/office/inquiries/${q.id}/reply`, { outcome: 'answer', reply: '' })).status,
      400,
    );
    assert.equal(
      (
        await head.post(`/office/inquiries/${q.id}/reply`, {
          outcome: 'answer',
          reply: '购机后到农业农村综合服务中心申请。',
        })
      ).status,
      303,
    );
    assert.equal((await head.post(`/office/inquiries/${q.id}/approve`, {})).status, 303);
    const rated = await citizen.post('/inquiries/track/rate', {
      reference,
      code,
      rating: 'dissatisfied',
      reason: '',
    });
    assert.equal(rated.status, 400);
    assert.match(await rated.text(), /选择“不满意”时请说明原因/);
    assert.equal(
      (await citizen.post('/inquiries/track/rate', { reference, code, rating: 'satisfied' })).status,
      200,
    );

    const detail2 = await (await clerk.get(`/office/inquiries/${q.id}`)).text();
    assert.match(detail2, /公开发布/);
    assert.doesNotMatch(
      detail2.split('公开的留言内容')[1] ?? '',
      /11010519491231002X/,
      'the moderation draft is masked',
    );
    assert.equal(
      (
        await clerk.post(`/office/inquiries/${q.id}/publish`, {
          title: '农机补贴怎么申请',
          body: '请问农机补贴怎么申请？我的身份证11010519491231002X',
          reply: '购机后申请。',
        })
      ).status,
      303,
    );
    const pub = await (await citizen.get(`/inquiries/public/${q.id}`)).text();
    assert.match(pub, /农业农村综合服务中心/);
    assert.match(pub, /2026年3月2日/);
    assert.doesNotMatch(pub, /韩建军|11010519491231002X/);
    assert.doesNotMatch(pub, new RegExp(q.contact_phone!));
    const search = await (await citizen.get(`/search?q=${encodeURIComponent('农机补贴')}`)).text();
    assert.match(search, new RegExp(`/inquiries/public/${q.id}`));
    const list = await (await citizen.get('/inquiries')).text();
    assert.match(list, /农机补贴怎么申请/);
    assert.doesNotMatch(list, /韩建军/);
  });

  test('office pages: settings and figures render; a drafter of another office cannot route', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T07:00:00Z');
    const s = await town(db, clock);
    const c = testApp(db, clock).client();
    await c.signIn(s.clerk.username);
    const settings = await c.get('/office/inquiries/settings');
    assert.equal(settings.status, 200);
    const bad = await c.post('/office/inquiries/settings', {
      question: '0',
      suggestion: '10',
      complaint: '15',
      help: '15',
      maxExtensionDays: '10',
      reopenDays: '7',
      topics: '农业农村',
      sensitiveWords: '',
      allowWords: '',
      petitionGuide: '去信访局',
      perIpPerHour: '5',
      perContactPerDay: '3',
      alarmDaysBefore: '14',
      adoptionDays: '15',
    });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /答复期限至少1个工作日/);
    const figures = await c.get('/office/inquiries/figures');
    assert.equal(figures.status, 200);
    assert.match(await figures.text(), /<svg/);
    const dash = await (await c.get('/office')).text();
    assert.match(dash, /互动交流/);
    const drafter = await makeUser(db, s.agency.id, ['drafter'], { officeId: s.farm });
    const other = await makeAgency(db);
    void other;
    const d = testApp(db, clock).client();
    await d.signIn(drafter.username);
    const citizen = testApp(db, clock).client();
    const done = await (await citizen.post('/inquiries/ask', ask())).text();
    const q = await db
      .selectFrom('inquiries')
      .select('id')
      .where('reference', '=', grab(done, 'data-reference'))
      .executeTakeFirstOrThrow();
    assert.equal((await d.post(`/office/inquiries/${q.id}/route`, { officeId: String(s.farm) })).status, 403);

    // A message taken by phone: the clerk enters it (a drafter may not); the citizen gets the code from the clerk.
    assert.equal((await d.post('/office/inquiries/new', { ...ask(), channel: 'phone' })).status, 404);
    const badPhone = await c.post('/office/inquiries/new', {
      ...ask({ contactPhone: '123' }),
      channel: 'phone',
    });
    assert.equal(badPhone.status, 400);
    assert.match(await badPhone.text(), /手机号码应为11位数字/);
    const entered = await c.post('/office/inquiries/new', { ...ask(), channel: 'wechat' });
    assert.equal(entered.status, 303);
    const row = await db
      .selectFrom('inquiries')
      .select('channel')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(row.channel, 'wechat');
  });

  test('a message with a mistake keeps its attached file: held in the file store, not chosen again', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T01:00:00Z');
    await town(db, clock);
    const c = testApp(db, clock, { GONGKAI_FILE_STORE: 'database' }).client();
    const pdf = new Uint8Array([...Buffer.from('%PDF-1.4\n现场照片说明\n%%EOF')]);
    const body = (
      fields: Record<string, string | string[]>,
      files: { name: string; bytes: Uint8Array }[] = [],
    ) => {
      const fd = new FormData();
      for (const [k, v] of Object.entries(fields))
        for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
      for (const f of files)
        fd.append('files', new File([new Uint8Array(f.bytes)], f.name, { type: 'application/pdf' }));
      return fd;
    };
    const bad = await c.post('/inquiries/ask', body(ask({ body: '' }), [{ name: '现场.pdf', bytes: pdf }]));
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /现场\.pdf/);
    assert.match(html, /无需重新选择/);
    const tokens = [...html.matchAll(/name="heldUpload" value="([^"]+)"/g)].map((m) => m[1]!);
    assert.equal(tokens.length, 1);
    const ok = await c.post('/inquiries/ask', body({ ...ask(), heldUpload: tokens }));
    assert.equal(ok.status, 200);
    assert.match(await ok.text(), /留言已提交/);
    const atts = await db.selectFrom('inquiry_attachments').select('file_name').execute();
    assert.deepEqual(
      atts.map((a) => a.file_name),
      ['现场.pdf'],
    );
    assert.equal((await db.selectFrom('held_uploads').selectAll().execute()).length, 0);
  });
});
