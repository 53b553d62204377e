/**
 * The county scenario's data, at a scale factor k (k counties' worth of every table): per county 200 agencies
 * (the county government, 49 departments, 150 townships), 1,000,000 publications with their search documents,
 * 200,000 requests, and 13 villages per township with a year of village items. Everything is loaded with COPY into
 * a fresh PostgreSQL database that the caller drops afterwards. Deterministic (a seeded PRNG); not demo data.
 */
import pg from 'pg';
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';
import { prepareDatabase } from '../../src/setup.ts';
import { systemClock } from '../../src/clock.ts';
import { addDays } from '../../src/calendar/dates.ts';
import { dueOn, periodsOfYear } from '../../src/villages/village-disclosure.ts';
import { APPLICANT_KINDS, DECIDABLE_OUTCOMES, type Outcome } from '../../src/requests/request.ts';
import { DEFAULT_OUTCOME_ROW_MAP } from '../../src/requests/settings.ts';
import { makeUser } from '../../test/support/factories.ts';
import type { User } from '../../src/org/org.ts';
import { rng } from '../../src/annual-report/testing/synthetic.ts';
import { cpuMs } from './tools.ts';
import { rebuildRequestSummary } from '../../src/requests/index.ts';
import type { PublicationPlan } from './publication-rows.ts';
import { publicationChunks } from './publication-workers.ts';
export { VOCABULARY, benchTokens } from './tokens.ts';
import {
  copyChunks,
  copyRows,
  dropSecondaryIndexes,
  loadingClient,
  loadingSession,
  rebuildIndexes,
  type Cell,
} from './copy.ts';

export const PER_COUNTY = {
  departments: 49,
  townships: 150,
  publications: 1_000_000,
  requests: 200_000,
  villagesPerTownship: 13,
};

export interface CountyData {
  scale: number;
  counties: { id: number; code: string }[];
  /** The township served at `/` (installation.home), in the first county. */
  home: { id: number; code: string; categoryCode: string; publicationId: number };
  inspector: User;
  /** The year of the village items and of the dashboards. */
  year: number;
  rows: Record<string, number>;
  loadSeconds: Record<string, number>;
  /** CPU seconds per load phase (generator, PostgreSQL backends): the profile that does not depend on the load. */
  loadCpu: Record<string, PhaseCpu>;
  /** Whether the per-month request summary was built (the app's request dashboard reads it). */
  summarised: boolean;
}

const CLOSING: Outcome[] = [
  ...DECIDABLE_OUTCOMES,
  'abandoned_no_correction',
  'abandoned_fee_unpaid',
  'withdrawn',
];

/** CPU seconds of a load phase: this process (the generator) and this database's PostgreSQL backends. */
export interface PhaseCpu {
  node: number;
  pg: number;
}

let backendsOf: () => Promise<number[]> = async () => [];
const cpuOf: Record<string, PhaseCpu> = {};

async function timed<T>(into: Record<string, number>, name: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  // Backends seen at the start and the end (parallel index-build workers in between are not counted).
  const pids0 = await backendsOf();
  const before = new Map(pids0.map((p) => [p, cpuMs(p)]));
  const v = await fn();
  into[name] = Math.round((performance.now() - t0) / 100) / 10;
  const c = process.cpuUsage(c0);
  let pgMs = 0;
  for (const p of new Set([...pids0, ...(await backendsOf())])) pgMs += cpuMs(p) - (before.get(p) ?? 0);
  cpuOf[name] = {
    node: Math.round((c.user + c.system) / 1e5) / 10,
    pg: Math.round(pgMs / 100) / 10,
  };
  return v;
}

export async function generateCounty(
  db: Db,
  url: string,
  scale: number,
  opts: { summary?: boolean } = {},
): Promise<CountyData> {
  const summarised = opts.summary ?? true;
  const rand = rng(17);
  const loadSeconds: Record<string, number> = {};
  const now = new Date().toISOString();
  const year = Number(systemClock.today().slice(0, 4));
  await prepareDatabase(db, systemClock);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await loadingSession(client);
  // A second loading connection: the search documents stream beside the publications, and their indexes build
  // beside the publications' indexes.
  const client2 = await loadingClient(url);
  backendsOf = async () =>
    (
      await client.query<{ pid: number }>(
        `select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
         union all select pg_backend_pid()`,
      )
    ).rows.map((r) => r.pid);
  for (const k of Object.keys(cpuOf)) delete cpuOf[k];
  try {
    // Organisation: plain inserts, then the seeds give every agency its catalogue and village templates.
    const counties: { id: number; code: string }[] = [];
    const townships: { id: number; code: string; county: number }[] = [];
    const agencies: { id: number; code: string }[] = [];
    await timed(loadSeconds, 'agencies', async () => {
      for (let k = 0; k < Math.max(1, Math.round(scale)); k++) {
        const c = await client.query<{ id: number }>(
          `insert into agencies (code, name, short_name, kind, parent_id, is_people_government, created_at, updated_at)
           values ($1, $2, $3, 'county', null, 1, $4, $4) returning id`,
          [`X${k}`, `基准${k + 1}县人民政府`, `基准${k + 1}县`, now],
        );
        const county = c.rows[0]!.id;
        counties.push({ id: county, code: `X${k}` });
        agencies.push({ id: county, code: `X${k}` });
        const kids = [
          ...Array.from({ length: PER_COUNTY.departments }, (_, i) => [
            'department',
            `D${k}-${i}`,
            `部门${i + 1}`,
          ]),
          ...Array.from({ length: PER_COUNTY.townships }, (_, i) => [
            'township',
            `T${k}-${i}`,
            `乡镇${i + 1}`,
          ]),
        ];
        for (const [kind, code, name] of kids) {
          const r = await client.query<{ id: number }>(
            `insert into agencies (code, name, short_name, kind, parent_id, is_people_government, created_at, updated_at)
             values ($1, $2, $3, $4, $5, $6, $7, $7) returning id`,
            [code, `基准${k + 1}县${name}`, name, kind, county, kind === 'township' ? 1 : 0, now],
          );
          agencies.push({ id: r.rows[0]!.id, code: code! });
          if (kind === 'township') townships.push({ id: r.rows[0]!.id, code: code!, county });
        }
      }
      const villages: Cell[][] = [];
      for (const t of townships)
        for (let v = 0; v < PER_COUNTY.villagesPerTownship; v++)
          villages.push([t.id, `${t.code}村${v + 1}`, v, now]);
      await copyRows(client, 'villages', ['agency_id', 'name', 'sort_order', 'created_at'], villages);
    });
    await timed(loadSeconds, 'seeds (catalogues, templates)', () => prepareDatabase(db, systemClock));
    const home = townships[0]!;
    await client.query(
      `insert into agency_settings (agency_id, key, value_json, updated_at) values ($1, 'installation.home', 'true', $2)`,
      [home.id, now],
    );
    const inspector = await makeUser(db, counties[0]!.id, ['inspector']);
    const author = await makeUser(db, home.id, ['drafter']);
    const cats = await client.query<{ id: number; agency_id: number; code: string }>(
      `select c.id, c.agency_id, c.code from pub_categories c
        where not exists (select 1 from pub_categories x where x.parent_id = c.id) order by c.id`,
    );
    const catsOf = new Map<number, { id: number; code: string }[]>();
    for (const c of cats.rows) {
      const l = catsOf.get(c.agency_id) ?? [];
      l.push(c);
      catsOf.set(c.agency_id, l);
    }

    // Publications and their search documents (ids given here, so the documents can name them).
    const total = Math.round(PER_COUNTY.publications * scale);
    const firstId =
      1 + Number((await client.query(`select coalesce(max(id), 0) as m from publications`)).rows[0].m);
    const pubCols = [
      'id',
      'agency_id',
      'category_id',
      'status',
      'attribute',
      'index_no',
      'title',
      'doc_no',
      'issuer',
      'written_on',
      'published_on',
      'validity',
      'body_html',
      'body_text',
      'doc_kind',
      'is_major',
      'formed_on',
      'due_on',
      'review_round',
      'created_by',
      'created_by_name',
      'created_at',
      'updated_at',
      'version',
    ];
    const docCols = [
      'kind',
      'ref_id',
      'agency_id',
      'is_public',
      'title',
      'body',
      'url',
      'public_url',
      'category_id',
      'year',
      'issuer',
      'validity',
      'doc_no',
      'status',
      'dated_on',
      'tokens',
      'updated_at',
      'tsv',
    ];
    // The seeded sequence, generated in worker threads (publication-rows.ts: the same rows in the same order).
    const plan: PublicationPlan = {
      firstId,
      agencies,
      cats: [...catsOf],
      authorId: author.id,
      now,
      year,
    };
    const pubIdx = await dropSecondaryIndexes(client, 'publications');
    const docIdx = await dropSecondaryIndexes(client, 'search_documents');
    await timed(loadSeconds, 'publications + search documents (COPY, two streams)', () =>
      copyChunks(
        [
          { client, table: 'publications', columns: pubCols },
          { client: client2, table: 'search_documents', columns: docCols },
        ],
        publicationChunks(plan, total),
      ),
    );
    await client.query(`select setval('publications_id_seq', $1)`, [firstId + total]);
    // The vectors written by COPY are the ones the app writes (gk_search_vector), checked on every 1,000th document.
    const differ = await client.query<{ n: string }>(`select count(*) as n from search_documents
      where id % 1000 = 0 and tsv <> gk_search_vector(tokens, agency_id, is_public)`);
    if (Number(differ.rows[0]!.n))
      throw new Error(`${differ.rows[0]!.n} search vectors differ from gk_search_vector`);
    await timed(loadSeconds, 'indexes (publications beside search incl. GIN)', () =>
      Promise.all([rebuildIndexes(client, pubIdx), rebuildIndexes(client2, docIdx)]),
    );

    // Requests: 1,000 per agency over the last two years; about one in eight open, some of them overdue.
    const reqCols = [
      'agency_id',
      'ref_year',
      'ref_serial',
      'reference',
      'tracking_code',
      'status',
      'channel',
      'submitted_on',
      'received_on',
      'applicant_kind',
      'applicant_name',
      'id_type',
      'id_number',
      'applicant_key',
      'address',
      'info_description',
      'form_requested',
      'delivery_requested',
      'due_on',
      'original_due_on',
      'outcome',
      'report_row',
      'closed_on',
      'approved_at',
      'created_at',
      'updated_at',
    ];
    const reqIdx = await dropSecondaryIndexes(client, 'info_requests');
    const today = systemClock.today();
    await timed(loadSeconds, 'requests (COPY)', () =>
      copyRows(
        client,
        'info_requests',
        reqCols,
        (function* () {
          const serials = new Map<string, number>();
          for (let i = 0; i < PER_COUNTY.requests * scale; i++) {
            const a = agencies[i % agencies.length]!;
            const received = addDays(`${year - 1}-01-01`, Math.floor(rand() * 700));
            const open = received <= today && rand() < 0.125;
            const outcome = open ? null : CLOSING[Math.floor(rand() * CLOSING.length)]!;
            const closed = open ? null : addDays(received, Math.floor(rand() * 40));
            const due = addDays(received, 28);
            const ry = Number(received.slice(0, 4));
            const key = `${a.id}/${ry}`;
            const serial = (serials.get(key) ?? 0) + 1;
            serials.set(key, serial);
            const kind = rand() < 0.7 ? 'natural_person' : APPLICANT_KINDS[1 + Math.floor(rand() * 5)]!;
            yield [
              a.id,
              ry,
              serial,
              `${a.code}〔${ry}〕第${serial}号`,
              `B${a.id}x${ry}x${serial}`,
              open ? 'accepted' : 'archived',
              rand() < 0.5 ? 'online' : 'in_person',
              received,
              received,
              kind,
              `申请人${i}`,
              'other',
              `G${i}`,
              `G${i % 5000}`,
              '（生成数据）',
              `生成的申请内容 ${i}`,
              'paper',
              'post',
              due,
              due,
              outcome,
              outcome ? DEFAULT_OUTCOME_ROW_MAP[outcome] : null,
              closed,
              outcome && DECIDABLE_OUTCOMES.includes(outcome) ? now : null,
              now,
              now,
            ];
          }
        })(),
      ),
    );
    await timed(loadSeconds, 'indexes (requests)', () => rebuildIndexes(client, reqIdx));
    // COPY goes around the use cases that keep the per-month summary: rebuild it, as after any bulk load.
    if (summarised)
      await timed(loadSeconds, 'request summary (rebuild)', () => rebuildRequestSummary(db, new Date()));

    // Village items: every template's periods of this year for every village, published around their due day.
    const vis = await client.query<{ id: number; agency_id: number }>(
      `select id, agency_id from villages order by id`,
    );
    const tpl = await client.query<{
      id: number;
      agency_id: number;
      code: string;
      kind: string;
      name: string;
      cadence: string;
    }>(
      `select id, agency_id, code, kind, name, cadence from village_item_templates where is_active = 1 order by id`,
    );
    const tplOf = new Map<number, typeof tpl.rows>();
    for (const t of tpl.rows) tplOf.set(t.agency_id, [...(tplOf.get(t.agency_id) ?? []), t]);
    const vdCols = [
      'agency_id',
      'village_id',
      'template_id',
      'kind',
      'code',
      'title',
      'period',
      'due_on',
      'status',
      'values_json',
      'notice_days',
      'published_on',
      'round',
      'supervision_opinion',
      'created_by',
      'created_by_name',
      'created_at',
      'updated_at',
    ];
    const vdIdx = await dropSecondaryIndexes(client, 'village_disclosures');
    const villageItems = await timed(loadSeconds, 'village items (COPY)', () =>
      copyRows(
        client,
        'village_disclosures',
        vdCols,
        (function* () {
          let n = 0;
          for (const v of vis.rows)
            for (const t of tplOf.get(v.agency_id) ?? []) {
              if (t.code === (v.id % 2 ? 'finance_quarterly' : 'finance_monthly')) continue;
              const periods =
                t.cadence === 'on_occurrence' ? [null, null] : periodsOfYear(t.cadence as never, year);
              for (const p of periods) {
                const due = p ? dueOn(p) : null;
                const on = due ? addDays(due, (n % 13) - 10) : `${year}-0${1 + (n % 9)}-15`;
                n++;
                const published = on <= today;
                yield [
                  v.agency_id,
                  v.id,
                  t.id,
                  t.kind,
                  t.code,
                  `${t.name}${p ?? ''}`,
                  p,
                  due,
                  published ? 'published' : 'draft',
                  '{}',
                  0,
                  published ? on : null,
                  1,
                  published ? 'agree' : null,
                  author.id,
                  'bench',
                  `${on}T02:00:00Z`,
                  `${on}T02:00:00Z`,
                ];
              }
            }
        })(),
      ),
    );
    await rebuildIndexes(client, vdIdx);
    // VACUUM as autovacuum would after a bulk load: statistics, and the visibility map index-only scans need.
    await timed(loadSeconds, 'vacuum analyze', () => client.query('vacuum analyze'));
    const cat = catsOf.get(home.id)![0]!;
    const pubOfHome = await sql<{ id: number }>`select max(id) as id from publications
      where agency_id = ${home.id} and status = 'published'`.execute(db);
    const count = async (t: string) =>
      Number((await client.query(`select count(*) as n from ${t}`)).rows[0].n);
    return {
      scale,
      counties,
      home: {
        id: home.id,
        code: home.code,
        categoryCode: cat.code,
        publicationId: Number(pubOfHome.rows[0]!.id),
      },
      inspector,
      year,
      rows: {
        agencies: agencies.length,
        villages: vis.rows.length,
        publications: total,
        search_documents: await count('search_documents'),
        info_requests: await count('info_requests'),
        village_disclosures: villageItems,
      },
      loadSeconds,
      loadCpu: { ...cpuOf },
      summarised,
    };
  } finally {
    await client.end();
    await client2.end();
  }
}
