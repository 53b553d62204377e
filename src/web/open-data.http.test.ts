import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp } from '../../test/support/http.ts';
import { loadDemo, DEMO_TOWNSHIP_CODE } from '../demo/load-demo.ts';
import { prepareDatabase } from '../setup.ts';
import { fixedClock } from '../clock.ts';
import { systemActor } from '../context.ts';
import { findAgencyByCode } from '../org/org.queries.ts';
import { toNumber } from '../db/values.ts';
import { findReportFor } from '../annual-report/generator/annual-reports.queries.ts';

const clock = fixedClock('2026-12-20T02:00:00Z');

/** What the test reads of the OpenAPI document. */
interface Operation {
  operationId?: string;
  summary?: string;
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, { content: Record<string, { schema: object }> }>;
}
interface OpenApiDoc {
  servers: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: object;
}

/** The public supervision endpoints' bodies, as far as this test reads them. */
interface BulletinPage {
  total: number;
  items: { period: string }[];
}
interface SupervisionFigures {
  months: { month: string; found: number }[];
  trainings: { superior: number; township: number };
}

describeEachDialect('open data API: every public endpoint answers as the OpenAPI document says', (t) => {
  test('no sign-in, only public data, paged, ETag, CSV and XLSX; responses validate against the document', async () => {
    const { db } = t();
    await prepareDatabase(db, clock);
    await loadDemo({ db, clock, actor: systemActor('演示数据'), meta: { ip: null } });
    const town = (await findAgencyByCode(db, DEMO_TOWNSHIP_CODE))!;
    const c = testApp(db, clock).client(); // never signs in

    const docRes = await c.get('/api/openapi.json');
    assert.equal(docRes.status, 200);
    const doc = (await docRes.json()) as OpenApiDoc;
    assert.match(doc.servers[0].url, /^http:\/\/localhost(:\d+)?$/);
    const opIds: string[] = [];
    for (const item of Object.values(doc.paths))
      for (const op of Object.values(item)) {
        assert.ok(op.operationId, op.summary);
        opIds.push(op.operationId);
      }
    assert.equal(new Set(opIds).size, opIds.length, 'operationIds are unique');

    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    const DOC_ID = 'https://gongkai.test/openapi.json';
    ajv.addSchema({ $id: DOC_ID, components: doc.components });
    const validate = (schema: object, body: unknown, where: string) => {
      const v = ajv.compile(
        JSON.parse(JSON.stringify(schema).replaceAll('"#/components', `"${DOC_ID}#/components`)),
      );
      assert.ok(v(body), `${where}: ${ajv.errorsText(v.errors)}`);
    };

    const published = await db
      .selectFrom('publications')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('agency_id', '=', town.id)
      .where('status', '=', 'published')
      .where('attribute', '=', 'proactive')
      .executeTakeFirstOrThrow();
    const firstId = (
      (await (await c.get('/api/public/publications?pageSize=1')).json()) as { items: { id: number }[] }
    ).items[0].id;
    const village = await db
      .selectFrom('village_disclosures')
      .select(['id', 'village_id'])
      .where('agency_id', '=', town.id)
      .where('status', '=', 'published')
      .where('published_on', '>=', '2026-01-01')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const inquiry = await db
      .selectFrom('inquiries')
      .select('id')
      .where('agency_id', '=', town.id)
      .where('is_published', '=', 1)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const sample: Record<string, string> = {
      villageId: String(village.village_id),
      itemId: String(village.id),
      inquiryId: String(inquiry.id),
      period: '2026-10',
      id: String(firstId),
      year: '2026',
      date: '2026-09-30',
      n: '10',
    };
    const publicPaths = Object.keys(doc.paths).filter((p) => p.startsWith('/api/public/'));
    assert.equal(publicPaths.length, 25);
    for (const path of publicPaths) {
      const op = doc.paths[path]!.get!;
      assert.deepEqual(op.security, [], `${path} needs no sign-in`);
      let url = path;
      const query = new URLSearchParams();
      for (const p of op.parameters ?? []) {
        const v = p.name === 'year' && path.endsWith('{year}') ? '2025' : sample[p.name];
        if (p.in === 'path') url = url.replace(`{${p.name}}`, v);
        else if (p.required) query.set(p.name, v);
      }
      const full = query.size ? `${url}?${query}` : url;
      const res = await c.get(full);
      assert.equal(res.status, 200, full);
      const [type, spec] = Object.entries(op.responses['200']!.content)[0]!;
      assert.ok(
        res.headers.get('content-type')!.startsWith(type),
        `${full}: ${res.headers.get('content-type')}`,
      );
      if (type === 'application/json') {
        const body = await res.json();
        validate(spec.schema, body, full);
        // ETag: the same request with If-None-Match is answered 304 without a body.
        const tag = res.headers.get('etag');
        assert.ok(tag, `${full} has an ETag`);
        assert.equal((await c.get(full, { 'if-none-match': tag! })).status, 304, full);
      } else {
        const bytes = Buffer.from(await res.arrayBuffer());
        if (type === 'text/csv') assert.match(bytes.toString('utf8'), /^\ufeff[^\r\n]+\r\n/, full);
        else assert.equal(bytes.subarray(0, 2).toString(), 'PK', full);
      }
    }

    // Paging over only public items; the page size is capped.
    const page = (await (await c.get('/api/public/publications?page=2&pageSize=4')).json()) as {
      total: number;
      page: number;
      items: unknown[];
    };
    assert.equal(page.total, toNumber(published.n));
    assert.equal(page.page, 2);
    assert.equal(page.items.length, Math.min(4, Math.max(0, page.total - 4)));
    const tooBig = await c.get('/api/public/publications?pageSize=1000');
    assert.equal(tooBig.status, 400);
    assert.match(JSON.stringify(await tooBig.json()), /pageSize 应为 1 至 100 的整数/);

    // The registers: the CSV has the JSON's rows.
    const fees = (await (await c.get('/api/public/registers/fees?year=2026')).json()) as { items: unknown[] };
    const csv = Buffer.from(
      await (await c.get('/api/public/registers/fees.csv?year=2026')).arrayBuffer(),
    ).toString('utf8');
    assert.equal(csv.trim().split('\r\n').length, 1 + fees.items.length);
    assert.match(csv, /^\ufeff年度,收费项目,金额（元）,收取日期/);
    assert.equal((await c.get('/api/public/registers/fees')).status, 400, 'year is required');

    // Annual reports: only the published one; its cells are the stored cells.
    const reports = (await (await c.get('/api/public/annual-reports')).json()) as {
      items: { year: number }[];
    };
    assert.deepEqual(
      reports.items.map((r) => r.year),
      [2025],
    );
    const r25 = (await (await c.get('/api/public/annual-reports/2025')).json()) as { cells: unknown };
    assert.deepEqual(r25.cells, (await findReportFor(db, town.id, 2025))!.cells);
    assert.equal((await c.get('/api/public/annual-reports/2026')).status, 404);

    // Calendar: 10 working days after 2026-09-30 skip the 国庆节 holiday; explain and add-workdays agree.
    const ex = (await (await c.get('/api/public/calendar/explain?date=2026-09-30&n=10')).json()) as {
      result: string;
      skipped: { reasonLabel: string }[];
    };
    const add = (await (await c.get('/api/public/calendar/add-workdays?date=2026-09-30&n=10')).json()) as {
      result: string;
    };
    assert.equal(ex.result, add.result);
    assert.ok(ex.skipped.some((s) => /法定节假日/.test(s.reasonLabel)));
    const bad = await c.get('/api/public/calendar/is-workday?date=2026-13-40');
    assert.equal(bad.status, 400);

    // 村级公开: the counts are the published items of the year; a list of persons is never given as data.
    const villages = (await (await c.get('/api/public/villages?year=2026')).json()) as {
      items: { counts: { party: number; affairs: number; finance: number } }[];
    };
    assert.equal(villages.items.length, 13);
    const publishedInVillages = await db
      .selectFrom('village_disclosures')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('agency_id', '=', town.id)
      .where('status', '=', 'published')
      .where('published_on', '>=', '2026-01-01')
      .where('published_on', '<=', '2026-12-31')
      .executeTakeFirstOrThrow();
    assert.equal(
      villages.items.reduce(
        (s: number, v: (typeof villages.items)[number]) =>
          s + v.counts.party + v.counts.affairs + v.counts.finance,
        0,
      ),
      toNumber(publishedInVillages.n),
    );
    const unpublished = await db
      .selectFrom('village_disclosures')
      .select('id')
      .where('status', '!=', 'published')
      .executeTakeFirst();
    if (unpublished) assert.equal((await c.get(`/api/public/villages/items/${unpublished.id}`)).status, 404);
    const personal = await db
      .selectFrom('village_disclosures')
      .select('id')
      .where('agency_id', '=', town.id)
      .where('status', '=', 'published')
      .where('values_json', 'like', '%"name"%')
      .executeTakeFirst();
    if (personal) {
      const item = (await (await c.get(`/api/public/villages/items/${personal.id}`)).json()) as {
        withheldLists: number;
        values: unknown;
      };
      assert.ok(item.withheldLists >= 1, 'a list of persons is withheld');
      assert.doesNotMatch(JSON.stringify(item.values), /\d{17}[\dXx]/, 'no ID number');
    }
    // 互动交流: only published messages, never the citizen's contact.
    const msgs = (await (await c.get('/api/public/inquiries?pageSize=100')).json()) as { total: number };
    const publishedMsgs = await db
      .selectFrom('inquiries')
      .select(['id', 'contact_phone', 'contact_name'])
      .where('agency_id', '=', town.id)
      .where('is_published', '=', 1)
      .execute();
    assert.equal(msgs.total, publishedMsgs.length);
    const one: unknown = await (await c.get(`/api/public/inquiries/${publishedMsgs[0]!.id}`)).json();
    for (const m of publishedMsgs)
      if (m.contact_phone) assert.ok(!JSON.stringify(one).includes(m.contact_phone), 'no phone');
    const hidden = await db
      .selectFrom('inquiries')
      .select('id')
      .where('is_published', '=', 0)
      .executeTakeFirst();
    if (hidden) assert.equal((await c.get(`/api/public/inquiries/${hidden.id}`)).status, 404);

    // A publication that is not public is "not found".
    const draft = await db
      .selectFrom('publications')
      .select('id')
      .where('status', '!=', 'published')
      .executeTakeFirst();
    if (draft) assert.equal((await c.get(`/api/public/publications/${draft.id}`)).status, 404);

    // 监督保障: only published bulletins (the demo's November one is a draft), their published text and counts;
    // the figures are counts of ended months; never a problem's evidence or a person's name.
    const bulletins = (await (
      await c.get('/api/public/supervision/bulletins?pageSize=100')
    ).json()) as BulletinPage;
    const publishedBulletins = await db
      .selectFrom('sv_bulletins')
      .select(['period', 'body_text'])
      .where('agency_id', '=', town.id)
      .where('status', '=', 'published')
      .orderBy('period', 'desc')
      .execute();
    assert.equal(bulletins.total, publishedBulletins.length);
    assert.deepEqual(
      bulletins.items.map((b) => b.period),
      publishedBulletins.map((b) => b.period),
    );
    const pagedB = (await (
      await c.get('/api/public/supervision/bulletins?page=2&pageSize=3')
    ).json()) as BulletinPage;
    assert.deepEqual(
      pagedB.items.map((b) => b.period),
      publishedBulletins.slice(3, 6).map((b) => b.period),
    );
    const oct = (await (await c.get('/api/public/supervision/bulletins/2026-10')).json()) as { body: string };
    assert.equal(oct.body, publishedBulletins.find((b) => b.period === '2026-10')!.body_text);
    const draftBulletin = await db
      .selectFrom('sv_bulletins')
      .select('period')
      .where('agency_id', '=', town.id)
      .where('status', '=', 'draft')
      .executeTakeFirstOrThrow();
    assert.equal(
      (await c.get(`/api/public/supervision/bulletins/${draftBulletin.period}`)).status,
      404,
      'a draft',
    );
    const figures = (await (
      await c.get('/api/public/supervision/figures?year=2026')
    ).json()) as SupervisionFigures;
    assert.deepEqual(
      figures.months.map((m) => m.month),
      Array.from({ length: 11 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`),
      'ended months only',
    );
    const found = await db
      .selectFrom('sv_problems')
      .select('found_on')
      .where('agency_id', '=', town.id)
      .where('found_on', '>=', '2026-01-01')
      .where('found_on', '<=', '2026-11-30')
      .execute();
    assert.equal(
      figures.months.reduce((n, m) => n + m.found, 0),
      found.length,
    );
    const trainings = await db
      .selectFrom('sv_trainings')
      .select('level')
      .where('agency_id', '=', town.id)
      .where('held_on', '>=', '2026-01-01')
      .where('held_on', '<=', '2026-12-31')
      .execute();
    assert.equal(figures.trainings.superior + figures.trainings.township, trainings.length);
    const people = await db
      .selectFrom('sv_problems')
      .select('responsible_name')
      .where('agency_id', '=', town.id)
      .execute();
    const text = JSON.stringify([bulletins, figures]);
    for (const p of people) assert.ok(!text.includes(p.responsible_name), 'no responsible person');
  });
});
