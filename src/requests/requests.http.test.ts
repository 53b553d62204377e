import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { fixedClock, makeAgency, makeUser } from '../../test/support/factories.ts';
import { testApp } from '../../test/support/http.ts';
import { township, PERSON } from '../../test/support/request-factories.ts';
import { getRequest } from './requests.queries.ts';

const online = { ...PERSON, applicantName: '李桂英', infoDescription: '2026年本村低保评议会议记录' };

describeEachDialect('requests over HTTP', (t) => {
  test('online form: a bad ID is refused with every typed value kept; a good one gives reference and code', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { agency } = await township(db, clock);
    await db
      .insertInto('agency_settings')
      .values({ agency_id: agency.id, key: 'installation.home', value_json: 'true', updated_at: '' })
      .execute();
    const c = testApp(db, clock).client();
    const form = await c.get('/apply');
    assert.equal(form.status, 200);
    assert.match(await form.text(), /在线提交申请/);
    const bad = await c.post('/apply', { ...online, idNumber: '110105194912310021' });
    assert.equal(bad.status, 400);
    const html = await bad.text();
    assert.match(html, /校验位不正确/);
    assert.match(html, /value="110105194912310021"/);
    assert.match(html, /2026年本村低保评议会议记录/);
    const ok = await c.post('/apply', online);
    assert.equal(ok.status, 303);
    const done = await (await c.get(ok.headers.get('location')!)).text();
    const ref = /data-reference="?[^>]*>([^<]+)</.exec(done)![1]!;
    const code = /data-tracking-code="?[^>]*>([^<]+)</.exec(done)![1]!;
    const tracked = await c.post('/track', { reference: ref, code });
    const page = await tracked.text();
    assert.match(page, /待确认/);
    assert.doesNotMatch(page, /李桂英|110105/, 'the public never sees the applicant’s identity');
  });

  test('clerk: future receipt date, decision without basis, extension rules, fee closure, conflict', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { agency } = await township(db, clock);
    const clerkUser = await makeUser(db, agency.id, ['clerk']);
    const clerk2User = await makeUser(db, agency.id, ['clerk']);
    const headUser = await makeUser(db, agency.id, ['office_head'], { officeId: agency.disclosureOfficeId });
    const c = testApp(db, clock).client();
    await c.signIn(clerkUser.username);
    const future = await c.post('/office/requests', {
      ...PERSON,
      channel: 'in_person',
      submittedOn: '2026-03-05',
    });
    assert.equal(future.status, 400);
    const futureHtml = await future.text();
    assert.match(futureHtml, /不能晚于今天/);
    assert.match(futureHtml, /2025年哈拉直沟村高标准农田建设项目的验收报告/);
    const reg = await c.post('/office/requests', {
      ...PERSON,
      channel: 'in_person',
      submittedOn: '2026-03-02',
    });
    assert.equal(reg.status, 303);
    const id = Number(reg.headers.get('location')!.split('/').pop());

    const ledger = await (await c.get('/office/requests')).text();
    assert.match(ledger, /110\*{11}002X/);
    assert.doesNotMatch(ledger, /11010519491231002X/);

    const noBasis = await c.post(`/office/requests/${id}/decision`, {
      outcome: 'disclosed',
      basis: '',
      reason: '可以公开',
      expectedVersion: '1',
    });
    assert.equal(noBasis.status, 400);
    assert.match(await noBasis.text(), /请填写法律依据/);
    assert.equal((await getRequest(db, id)).status, 'accepted');

    // Two clerks open the page at version v; the first decides, the second gets a conflict.
    const v = String((await getRequest(db, id)).version);
    const c2 = testApp(db, clock).client();
    await c2.signIn(clerk2User.username);
    const first = await c.post(`/office/requests/${id}/decision`, {
      outcome: 'disclosed',
      basis: '第三十六条第（二）项',
      reason: '予以公开，邮寄纸质文本',
      expectedVersion: v,
    });
    assert.equal(first.status, 303);
    const second = await c2.post(`/office/requests/${id}/decision`, {
      outcome: 'not_exist',
      basis: '第三十六条第（四）项',
      reason: '经检索不存在',
      expectedVersion: v,
    });
    assert.equal(second.status, 409);
    // A stale form says who acted first, what they did, when (Beijing time), and the state now.
    assert.match(
      await second.text(),
      /本次操作未保存：在您打开页面之后，测试用户\w+已于\d{4}-\d{2}-\d{2} \d{2}:\d{2}“提交答复审批”，该申请当前状态为“待审批”/,
    );
    assert.equal((await getRequest(db, id)).outcome, 'disclosed');

    // Extension: after the original deadline refused; a second one refused.
    const r2 = await c.post('/office/requests', {
      ...PERSON,
      channel: 'in_person',
      submittedOn: '2026-03-02',
    });
    const id2 = Number(r2.headers.get('location')!.split('/').pop());
    // (sessions expire when idle, so each client signs in after the clock moves)
    clock.set('2026-03-31T02:00:00Z');
    const h = testApp(db, clock).client();
    await h.signIn(headUser.username);
    const late = await h.post(`/office/requests/${id2}/extend`, { days: '10', reason: '需要协调' });
    assert.equal(late.status, 409);
    assert.match(await late.text(), /原答复期限（2026-03-30）已过/);
    clock.set('2026-03-30T02:00:00Z');
    await c.signIn(clerkUser.username);
    assert.equal(
      (await h.post(`/office/requests/${id2}/extend`, { days: '10', reason: '需要协调' })).status,
      303,
    );
    const again = await h.post(`/office/requests/${id2}/extend`, { days: '5', reason: '再次' });
    assert.equal(again.status, 409);
    assert.match(await again.text(), /只能延长一次/);

    // Fee closure before the window ends is refused.
    const fee = await c.post(`/office/requests/${id2}/fee-notice`, {
      method: 'by_volume',
      pages: '60',
      noticeOn: '2026-03-30',
      reason: '页数较多',
    });
    assert.equal(fee.status, 303);
    const early = await c.post(`/office/requests/${id2}/fee-unpaid`, {});
    assert.equal(early.status, 409);
    assert.match(await early.text(), /缴费期限尚未届满/);

    const letter = await c.get(
      `/office/requests/${id2}/letters/${(await db.selectFrom('request_letters').select('id').where('request_id', '=', id2).orderBy('id', 'desc').executeTakeFirstOrThrow()).id}.docx`,
    );
    assert.equal(letter.status, 200);
    const bytes = new Uint8Array(await letter.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 2)], [0x50, 0x4b], 'a DOCX is a zip');
  });

  test('outsiders get not found; the API works with the CSRF header and refuses without it', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const { agency } = await township(db, clock);
    const clerk = await makeUser(db, agency.id, ['clerk']);
    const other = await makeAgency(db);
    const outsider = await makeUser(db, other.id, ['clerk']);
    const c = testApp(db, clock).client();
    await c.signIn(clerk.username);
    const token = await c.csrf();
    const created = await c
      .post('/api/requests', new FormData(), { csrf: false, headers: {} })
      .catch(() => null);
    assert.ok(created);
    const api = (path: string, body: unknown, csrf: string | null) =>
      testApp(db, clock).app.fetch(
        new Request(`http://localhost${path}`, {
          method: 'POST',
          body: JSON.stringify(body),
          headers: {
            'content-type': 'application/json',
            cookie: [...c.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            ...(csrf ? { 'x-csrf-token': csrf } : {}),
          },
        }),
      );
    const noToken = await api(
      '/api/requests',
      { ...PERSON, channel: 'in_person', submittedOn: '2026-03-02' },
      null,
    );
    assert.equal(noToken.status, 403);
    const res = await api('/api/requests', { ...PERSON, channel: 'email', submittedOn: '2026-03-02' }, token);
    assert.equal(res.status, 201);
    const { id } = (await res.json()) as { id: number };
    const confirmed = await api(
      `/api/requests/${id}/confirm`,
      { confirmedOn: '2026-03-02', evidence: '回复邮件确认' },
      token,
    );
    assert.equal(confirmed.status, 200);
    assert.equal(((await confirmed.json()) as { dueOn: string }).dueOn, '2026-03-30');
    const bad = await api(`/api/requests/${id}/confirm`, { confirmedOn: '2026-03-02', evidence: 'x' }, token);
    assert.equal(bad.status, 409);
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'invalid_state');

    const o = testApp(db, clock).client();
    await o.signIn(outsider.username);
    assert.equal((await o.get(`/office/requests/${id}`)).status, 404);
    assert.equal((await o.get(`/api/requests/${id}`)).status, 404);
    const anon = await testApp(db, clock).client().get('/api/requests');
    assert.equal(anon.status, 401);
    const doc = (await (await c.get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    assert.ok(doc.paths['/api/requests/{id}/extend']);
  });
});
