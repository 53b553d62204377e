/**
 * The citizen side over HTTP: the apply form keeps files and typing across mistakes and lists every error; the
 * receipt is reached by Post/Redirect/Get and a re-post never files twice; tracking reads the reference as typed,
 * shows the 补正 and keeps the correction typed when it is refused; after the reply the provided file downloads.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp } from '../../test/support/http.ts';
import { fixedClock } from '../../test/support/factories.ts';
import { PERSON, township } from '../../test/support/request-factories.ts';
import { confirmRequest } from '../requests/confirm-request.ts';
import { requestCorrection } from '../requests/request-correction.ts';
import { submitDecision } from '../requests/submit-decision.ts';
import { approveDecision } from '../requests/approve-decision.ts';
import { recordDelivery } from '../requests/record-delivery.ts';
import { addRequestAttachment } from '../requests/add-request-attachment.ts';
import { fileStoreOf } from '../storage/index.ts';
import { purgeExpiredHeldUploads } from '../uploads/held-uploads.ts';
import { uploadsDir } from '../storage/index.ts';
import { diskStore } from '../storage/disk-store.ts';

const PDF = new Uint8Array([...Buffer.from('%PDF-1.4\n申请人身份证明\n%%EOF')]);

function multipart(
  fields: Record<string, string | string[]>,
  files: { name: string; bytes: Uint8Array }[] = [],
) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  for (const f of files)
    fd.append('files', new File([new Uint8Array(f.bytes)], f.name, { type: 'application/pdf' }));
  return fd;
}

const hidden = (html: string, name: string) =>
  [...html.matchAll(new RegExp(`name="${name}" value="([^"]+)"`, 'g'))].map((m) => m[1]!);

describeEachDialect('the apply form over HTTP', (t) => {
  test('three mistakes, the file kept, one request however often the receipt is reached', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-citizen-'));
    const { agency } = await township(db, clock);
    await db
      .insertInto('agency_settings')
      .values({ agency_id: agency.id, key: 'installation.home', value_json: 'true', updated_at: '' })
      .execute();
    const c = testApp(db, clock, { GONGKAI_DATA_DIR: dataDir }).client();
    const form = await (await c.get('/apply')).text();
    const [key] = hidden(form, 'idempotencyKey');
    assert.match(key!, /^[0-9a-f]{32}$/);

    // Three mistakes: a phone number too short, 邮寄 without an address, no description.
    const wrong = {
      ...PERSON,
      phone: '12345',
      address: '',
      infoDescription: '',
      deliveryRequested: 'post',
      idempotencyKey: key!,
    };
    const bad = await c.post('/apply', multipart(wrong, [{ name: '身份证.pdf', bytes: PDF }]));
    assert.equal(bad.status, 400);
    const html = await bad.text();
    const summary = /<div class="error-summary"[\s\S]*?<\/div>/.exec(html)![0];
    assert.match(summary, /请修改以下3处/);
    assert.match(summary, /autofocus/);
    for (const [field, msg] of [
      ['phone', /联系电话：联系电话格式不正确/],
      ['address', /通信地址：选择邮寄的，请填写通信地址/],
      ['infoDescription', /所需信息的描述：请填写/],
    ] as const) {
      assert.match(summary, new RegExp(`href="#f-${field}"`));
      assert.match(summary, msg);
      assert.match(html, new RegExp(`id="f-${field}"[^>]*aria-invalid="true"`));
    }
    assert.match(html, /value="12345"/, 'what was typed is kept');
    assert.match(html, /身份证\.pdf/);
    const tokens = hidden(html, 'heldUpload');
    assert.equal(tokens.length, 1, 'the file is held, not asked for again');
    assert.deepEqual(hidden(html, 'idempotencyKey'), [key]);
    assert.equal(
      await db
        .selectFrom('info_requests')
        .select('id')
        .execute()
        .then((r) => r.length),
      0,
    );

    // Corrected, without choosing the file again.
    const good = { ...PERSON, idempotencyKey: key!, heldUpload: tokens };
    const ok = await c.post('/apply', multipart(good));
    assert.equal(ok.status, 303);
    const receiptUrl = ok.headers.get('location')!;
    assert.equal(receiptUrl, `/apply/receipt/${key}`);
    const receipt = await c.get(receiptUrl);
    assert.equal(receipt.headers.get('cache-control'), 'no-store');
    const receiptHtml = await receipt.text();
    const ref = /data-reference[^>]*>([^<]+)</.exec(receiptHtml)![1]!;
    const code = /data-tracking-code[^>]*>([^<]+)</.exec(receiptHtml)![1]!;
    const atts = await db.selectFrom('request_attachments').selectAll().execute();
    assert.equal(atts.length, 1);
    assert.equal(atts[0]!.file_name, '身份证.pdf');
    assert.deepEqual(new Uint8Array(fs.readFileSync(path.join(dataDir, atts[0]!.storage_path))), PDF);
    assert.equal(
      (await db.selectFrom('held_uploads').selectAll().execute()).length,
      0,
      'the hold is released',
    );

    // Refresh the receipt, re-post the form: still one request, the same reference and code.
    assert.match(await (await c.get(receiptUrl)).text(), new RegExp(code));
    const again = await c.post('/apply', multipart(good));
    assert.equal(again.status, 303);
    assert.equal(again.headers.get('location'), receiptUrl);
    assert.equal((await db.selectFrom('info_requests').selectAll().execute()).length, 1);

    // Tracking with the year and serial only, the code in lower case.
    for (const typed of ['(2026)1', '2026-1', '2026年1号', '【2026】第1号', ref]) {
      const tracked = await c.post('/track', { reference: typed, code: code.toLowerCase() });
      assert.equal(tracked.status, 200, typed);
      assert.match(await tracked.text(), /待确认/);
    }
    const miss = await c.post('/track', { reference: '(2026)2', code });
    assert.equal(miss.status, 400);
    assert.match(await miss.text(), /\(2026\)2/, 'the typed reference is kept');

    // A day later the receipt no longer shows the code.
    clock.set('2026-03-03T02:00:01Z');
    const late = await c.get(receiptUrl);
    assert.equal(late.status, 404);
    assert.doesNotMatch(await late.text(), new RegExp(code));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

describeEachDialect('held uploads of the apply form', (t) => {
  test('held files expire and the daily job removes them', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-citizen-'));
    const { agency } = await township(db, clock);
    await db
      .insertInto('agency_settings')
      .values({ agency_id: agency.id, key: 'installation.home', value_json: 'true', updated_at: '' })
      .execute();
    const c = testApp(db, clock, { GONGKAI_DATA_DIR: dataDir }).client();
    const bad = await c.post('/apply', multipart({ ...PERSON, phone: 'x' }, [{ name: 'a.pdf', bytes: PDF }]));
    const [token] = hidden(await bad.text(), 'heldUpload');
    const row = await db.selectFrom('held_uploads').selectAll().executeTakeFirstOrThrow();
    const store = diskStore(uploadsDir(dataDir));
    assert.ok(fs.existsSync(path.join(uploadsDir(dataDir), row.storage_path)));
    assert.equal(await purgeExpiredHeldUploads(db, store, new Date('2026-03-02T12:00:00Z')), 0);
    clock.set('2026-03-03T02:00:01Z');
    // Past its day the token is no longer honoured, then the job removes file and row.
    const later = await c.post('/apply', multipart({ ...PERSON, phone: 'y', heldUpload: token! }));
    assert.doesNotMatch(await later.text(), /a\.pdf/);
    assert.equal(await purgeExpiredHeldUploads(db, store, clock.now()), 1);
    assert.ok(!fs.existsSync(path.join(uploadsDir(dataDir), row.storage_path)));
    assert.equal((await db.selectFrom('held_uploads').selectAll().execute()).length, 0);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});

describeEachDialect('tracking: 补正 and the provided files', (t) => {
  test('补正 on the tracking page; after the reply the provided file downloads (网上获取)', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-citizen-'));
    const { agency, clerk, head } = await township(db, clock);
    await db
      .insertInto('agency_settings')
      .values({ agency_id: agency.id, key: 'installation.home', value_json: 'true', updated_at: '' })
      .execute();
    const { client, config } = testApp(db, clock, { GONGKAI_DATA_DIR: dataDir });
    const c = client();
    const key = hidden(await (await c.get('/apply')).text(), 'idempotencyKey')[0]!;
    const online = {
      ...PERSON,
      formRequested: 'electronic',
      deliveryRequested: 'online',
      idempotencyKey: key,
    };
    const receipt = await (
      await c.get((await c.post('/apply', multipart(online))).headers.get('location')!)
    ).text();
    const code = /data-tracking-code[^>]*>([^<]+)</.exec(receipt)![1]!;
    const id = (await db.selectFrom('info_requests').select('id').executeTakeFirstOrThrow()).id;
    await confirmRequest(clerk, id, { confirmedOn: '2026-03-02', evidence: '电话确认' });
    await requestCorrection(clerk, id, { items: '请写明项目所在的村民小组', periodDays: 10 });

    const page = await (await c.post('/track', { reference: '(2026)1', code })).text();
    assert.match(page, /请写明项目所在的村民小组/);
    assert.match(page, /补正期限：<\/strong><span class="date">2026年3月1\d日<\/span>前/);
    // Too long: refused, what was typed stays in the box.
    const long = '哈拉直沟村第三村民小组'.repeat(400);
    const refused = await c.post('/track/correction', { reference: '(2026)1', code, correction: long });
    assert.equal(refused.status, 400);
    const refusedHtml = await refused.text();
    assert.match(refusedHtml, /补正内容不能超过4000字/);
    assert.ok(refusedHtml.includes(long), 'the correction typed is kept');
    assert.match(refusedHtml, /class="error-summary"/);
    const sent = await c.post('/track/correction', {
      reference: '(2026)1',
      code,
      correction: '第三村民小组',
    });
    assert.match(await sent.text(), /补正已提交/);

    await addRequestAttachment(clerk, id, fileStoreOf(config), { name: '验收报告.pdf', bytes: PDF }, true);
    const before = await (await c.post('/track', { reference: '(2026)1', code })).text();
    assert.doesNotMatch(before, /验收报告\.pdf/, 'nothing is downloadable before the reply');
    const r = await db
      .selectFrom('info_requests')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await submitDecision(clerk, id, {
      outcome: 'disclosed',
      basis: '第三十六条第（二）项',
      reason: '现将验收报告电子文本提供给您',
      expectedVersion: r.version,
    });
    clock.set('2026-03-10T02:00:00Z');
    const r2 = await db
      .selectFrom('info_requests')
      .select('version')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    await approveDecision(head, id, { expectedVersion: r2.version });
    await recordDelivery(clerk, id, { method: 'online', deliveredOn: '2026-03-10' });
    const after = await (await c.post('/track', { reference: '2026-1', code })).text();
    assert.match(after, /答复日期<\/dt><dd>2026年3月10日/);
    assert.match(after, /送达日期<\/dt><dd>2026年3月10日/);
    assert.match(after, /验收报告\.pdf/);
    const fileId = hidden(after, 'fileId')[0]!;
    const dl = await c.post('/track/file', { reference: '2026-1', code, fileId });
    assert.equal(dl.status, 200);
    assert.deepEqual(new Uint8Array(await dl.arrayBuffer()), PDF);
    assert.match(dl.headers.get('content-disposition')!, /attachment/);
    // Another request's code does not open the file.
    const wrong = await c.post('/track/file', { reference: '2026-1', code: 'AAAAAAAA', fileId });
    assert.notEqual(wrong.status, 200);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('with the database file store, a held file survives a second attempt on another node', async () => {
    const { db } = t();
    const clock = fixedClock('2026-03-02T02:00:00Z');
    const dirs = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-node-')));
    const { agency } = await township(db, clock);
    await db
      .insertInto('agency_settings')
      .values({ agency_id: agency.id, key: 'installation.home', value_json: 'true', updated_at: '' })
      .execute();
    const node = (dir: string) =>
      testApp(db, clock, { GONGKAI_DATA_DIR: dir, GONGKAI_FILE_STORE: 'database' }).client();
    const bad = await node(dirs[0]!).post(
      '/apply',
      multipart({ ...PERSON, phone: 'x' }, [{ name: 'a.pdf', bytes: PDF }]),
    );
    assert.equal(bad.status, 400);
    const page = await bad.text();
    const [token] = hidden(page, 'heldUpload');
    assert.ok(token);
    // Nothing on the first node's disk: the bytes are in the database.
    assert.ok(!fs.existsSync(path.join(dirs[0]!, 'uploads', 'held')));
    const key = hidden(page, 'idempotencyKey')[0]!;
    const ok = await node(dirs[1]!).post(
      '/apply',
      multipart({ ...PERSON, heldUpload: token, idempotencyKey: key }),
    );
    assert.equal(ok.status, 303);
    const files = await db
      .selectFrom('request_attachments')
      .select(['file_name'])
      .where('file_name', '=', 'a.pdf')
      .execute();
    assert.equal(files.length, 1, 'the held file reached the request filed on the other node');
    assert.equal((await db.selectFrom('held_uploads').selectAll().execute()).length, 0);
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
});
