/**
 * The county set-up of docs/deployment.md, for real: three app processes on one PostgreSQL database, each with its own
 * empty data directory and GONGKAI_FILE_STORE=database, behind Debian's nginx running deploy/nginx/gongkai.conf.
 * Proves: sessions, sign-in lockouts and rate limits hold across nodes; a file uploaded through one node downloads byte-identical
 * through the others; a publication made on one node is on every node's (cached) pages at once; jobs run exactly once;
 * SIGKILL of a node loses no acknowledged write.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../support/db.ts';
import { ctxAs, makeAgency, makeOffice, makeUser, systemCtx, userActor } from '../support/factories.ts';
import { systemClock } from '../../src/clock.ts';
import { prepareDatabase } from '../../src/setup.ts';
import { ensureCatalogue } from '../../src/publications/seed-catalogue.ts';
import { createPublication } from '../../src/publications/save-publication.ts';
import { reviewPublication } from '../../src/publications/review-publication.ts';
import { findCategoryByCode, getPublication } from '../../src/publications/publications.queries.ts';
import { enqueue } from '../../src/jobs/queue.ts';
import { LOCKED_MESSAGE } from '../../src/auth/sign-in.ts';
import { NGINX, startNginx, startNode, tmpDir, waitFor, type AppNode, type Nginx } from './cluster.ts';
import { WebClient } from './web-client.ts';

const skip = !fs.existsSync(NGINX)
  ? 'nginx not installed (apt-get install nginx-light)'
  : !(await postgresAvailable())
    ? 'PostgreSQL not reachable'
    : false;
if (skip && process.env.CI) throw new Error(`three-node test cannot run in CI: ${skip}`);

/** A PDF of a few megabytes (more than ten chunks of the database store), different on every run. */
const bigPdf = () => Buffer.concat([Buffer.from('%PDF-1.4\n'), crypto.randomBytes(3 * 1024 * 1024 + 4321)]);

function application(i: number): Record<string, string> {
  return {
    applicantKind: 'natural_person',
    applicantName: `多节点申请人${i}`,
    idType: 'passport',
    idNumber: `M${String(i).padStart(8, '0')}`,
    phone: `138${String(i).padStart(8, '0')}`,
    infoDescription: `多节点测试申请第${i}件：本村2025年道路建设项目的验收报告`,
    formRequested: 'paper',
    deliveryRequested: 'post',
    address: `青海省互助县威远镇幸福路${i}号`,
  };
}

describe('three app nodes on one PostgreSQL behind nginx', { skip }, () => {
  let tdb: TestDatabase;
  let dir: string;
  const nodes: AppNode[] = [];
  let nginx: Nginx | undefined;
  let w: Awaited<ReturnType<typeof world>>;

  async function world() {
    const db = tdb.db;
    await prepareDatabase(db, systemClock);
    const agency = await makeAgency(db);
    const office = await makeOffice(db, agency.id);
    const drafter = await makeUser(db, agency.id, ['drafter'], { officeId: office });
    const head = await makeUser(db, agency.id, ['office_head'], { officeId: office });
    const deputy = await makeUser(db, agency.id, ['deputy_leader']);
    const clerk = await makeUser(db, agency.id, ['clerk']);
    const locked = await makeUser(db, agency.id, ['clerk']);
    await ensureCatalogue(systemCtx(db), agency.id);
    const cat = (await findCategoryByCode(db, agency.id, 'notices'))!;
    return { agency, drafter, head, deputy, clerk, locked, cat };
  }

  before(async () => {
    tdb = await createTestDatabase('postgres');
    w = await world();
    dir = tmpDir();
    const env = {
      DATABASE_URL: tdb.url,
      GONGKAI_DEMO: '0',
      GONGKAI_FILE_STORE: 'database',
      GONGKAI_TRUST_PROXY: '1',
      GONGKAI_PUBLIC_URL: 'http://localhost',
      GONGKAI_APPLY_LIMIT: '1000000/60',
      GONGKAI_PG_POOL: '4',
      LOG_LEVEL: 'info',
    };
    for (const name of ['node-a', 'node-b', 'node-c']) nodes.push(await startNode(name, env, dir));
    nginx = await startNginx(
      dir,
      nodes.map((n) => `127.0.0.1:${n.port}`),
    );
  });

  after(async () => {
    await nginx?.stop();
    for (const n of nodes) if (n.proc.exitCode === null && n.proc.signalCode === null) n.proc.kill('SIGTERM');
    await Promise.all(nodes.map((n) => n.exited));
    await tdb?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a session made on one node is valid on the others; a sign-in lockout counts failures from every node', async () => {
    const [a, b, c] = nodes as [AppNode, AppNode, AppNode];
    const staff = new WebClient();
    assert.equal((await staff.signIn(a.url, w.clerk.username)).status, 303);
    for (const n of [b, c]) {
      const r = await staff.get(`${n.url}/office`);
      assert.equal(r.status, 200, `${n.name} knows the session made on node-a`);
      assert.match(await r.text(), new RegExp(w.clerk.displayName));
    }
    // Five wrong passwords, spread over the nodes through nginx: the account is locked on every node.
    for (let i = 0; i < 5; i++)
      await new WebClient().signIn(nginx!.url, w.locked.username, 'wrong-password-1A');
    for (const n of nodes) {
      const r = await new WebClient().signIn(n.url, w.locked.username);
      assert.notEqual(r.status, 303, `${n.name} refuses the locked account`);
      assert.match(await r.text(), new RegExp(LOCKED_MESSAGE.slice(0, 12)));
    }
  });

  it('a file uploaded through one node downloads byte-identical through the others; a publication made on one node is on every node at once', async (t) => {
    const [a, b, c] = nodes as [AppNode, AppNode, AppNode];
    const db = tdb.db;
    const as = (u: typeof w.drafter) => ctxAs(db, userActor(u), systemClock);
    const title = `多节点发布测试${crypto.randomBytes(3).toString('hex')}`;
    const id = await createPublication(as(w.drafter), {
      categoryId: String(w.cat.id),
      title,
      issuer: w.agency.name,
      body: `${title}的正文`,
      attribute: 'proactive',
      formedOn: systemClock.today(),
    });
    // Upload through node-a.
    const drafter = new WebClient();
    assert.equal((await drafter.signIn(a.url, w.drafter.username)).status, 303);
    const pdf = bigPdf();
    const form = new FormData();
    form.append('files', new Blob([pdf], { type: 'application/pdf' }), '多节点附件.pdf');
    const up = await drafter.post(a.url, `/office/publications/${id}/attachments`, form);
    assert.equal(up.status, 303, await up.text());
    const att = await db
      .selectFrom('publication_attachments')
      .selectAll()
      .where('publication_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(att.size, pdf.length);
    // Office download through the other nodes, by the same session.
    for (const n of [b, c]) {
      const r = await drafter.get(`${n.url}/office/publications/${id}/files/${att.id}`);
      assert.equal(r.status, 200);
      assert.ok(Buffer.from(await r.arrayBuffer()).equals(pdf), `${n.name} serves the bytes node-a received`);
    }
    // No node wrote the file to its own disk.
    for (const n of nodes) assert.equal(fs.existsSync(path.join(dir, n.name, 'uploads')), false);

    // Every node has the portal home in its cache before the publication.
    for (const n of nodes) {
      assert.doesNotMatch(await (await fetch(`${n.url}/`)).text(), new RegExp(title));
      assert.doesNotMatch(await (await fetch(`${n.url}/`)).text(), new RegExp(title));
    }
    const v = async () => String((await getPublication(db, id)).version);
    await reviewPublication(as(w.drafter), id, {
      step: 'first_review',
      action: 'approve',
      version: await v(),
    });
    await reviewPublication(as(w.head), id, {
      step: 'second_review',
      action: 'approve',
      secrecyConfirmed: '1',
      // The test's PDF has no text layer the scan can read: the secrecy reviewer checks it by hand.
      unreadableChecked: '1',
      version: await v(),
    });
    await reviewPublication(as(w.deputy), id, {
      step: 'final_review',
      action: 'approve',
      version: await v(),
    });
    // Published through node-b …
    const clerk = new WebClient();
    assert.equal((await clerk.signIn(b.url, w.clerk.username)).status, 303);
    const pub = await clerk.post(b.url, `/office/publications/${id}/publish`, { version: await v() });
    assert.equal(pub.status, 303);
    assert.equal((await getPublication(db, id)).status, 'published');
    // … and on every node's cached pages at once: each node hears of the change at commit (LISTEN/NOTIFY), so the
    // first request after the publish is normally fresh; the retries (counted) only cover a notice still in flight.
    const retries: Record<string, number> = {};
    for (const base of [a.url, c.url, nginx!.url, b.url]) {
      let n = 0;
      await waitFor(`${base} home to show the publication`, async () => {
        const fresh = (await (await fetch(`${base}/`)).text()).includes(title);
        if (!fresh) n++;
        return fresh;
      });
      retries[base] = n;
      const item = await fetch(`${base}/p/${id}`);
      assert.equal(item.status, 200);
      assert.match(await item.text(), new RegExp(title));
      const file = await fetch(`${base}/p/${id}/files/${att.id}`);
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('content-length'), String(pdf.length));
      assert.ok(
        Buffer.from(await file.arrayBuffer()).equals(pdf),
        `${base} serves the attachment byte-identical`,
      );
    }
    t.diagnostic(
      `stale answers before the publication showed, per node: ${JSON.stringify(Object.values(retries))}`,
    );
  });

  it('jobs run exactly once across the three workers', async () => {
    const db = tdb.db;
    const tag = crypto.randomBytes(3).toString('hex');
    const N = 60;
    for (let i = 0; i < N; i++)
      await enqueue(db, 'requests.send_digest', {
        to: `n${i}@example.cn`,
        subject: `多节点任务${tag}-${i}`,
        text: '',
      });
    await waitFor('every job to finish', async () => {
      const left = await db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', 'requests.send_digest')
        .where('status', '!=', 'done')
        .execute();
      return left.length === 0;
    });
    const jobs = await db
      .selectFrom('jobs')
      .select(['attempts', 'status'])
      .where('kind', '=', 'requests.send_digest')
      .execute();
    assert.equal(jobs.length, N);
    assert.ok(jobs.every((j) => j.status === 'done' && j.attempts === 1));
    // Each job's effect (the logged e-mail) happened once, on one node.
    const logs = nodes.map((n) => n.output());
    const ran = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const s = `多节点任务${tag}-${i}"`;
      ran.set(
        s,
        logs.reduce((sum, l) => sum + l.split(s).length - 1, 0),
      );
    }
    assert.deepEqual(
      [...ran.values()].filter((x) => x !== 1),
      [],
      'every job ran exactly once',
    );
  });

  it('SIGKILL of a node while applications are being submitted loses no acknowledged one', async () => {
    const db = tdb.db;
    const victim = nodes[2]!;
    const acknowledged = new Map<number, string>();
    let failed = 0;
    let sent = 0;
    let killed = false;
    const TOTAL = 90;
    const client = new WebClient();
    const worker = async () => {
      while (sent < TOTAL) {
        const i = ++sent;
        try {
          const r = await client.post(nginx!.url, '/apply', application(i));
          // Post/Redirect/Get: the receipt (reference and code) is one GET away.
          const location = r.status === 303 ? r.headers.get('location') : null;
          const receipt = location ? await client.get(`${nginx!.url}${location}`) : null;
          const html = receipt ? await receipt.text() : '';
          const ref = /data-reference[^>]*>([^<]+)</.exec(html)?.[1];
          if (receipt?.status === 200 && ref) acknowledged.set(i, ref);
          else failed++;
        } catch {
          failed++; // not acknowledged
        }
        if (!killed && acknowledged.size >= TOTAL / 3) {
          killed = true;
          victim.proc.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    assert.ok(killed);
    assert.equal(await victim.exited, null, 'the node died of SIGKILL');
    const stored = new Set(
      (await db.selectFrom('info_requests').select('reference').execute()).map((r) => r.reference),
    );
    const lost = [...acknowledged.values()].filter((ref) => !stored.has(ref));
    assert.deepEqual(lost, [], 'every acknowledged application is stored');
    // The survivors go on: most of the later applications were acknowledged through them.
    assert.ok(acknowledged.size > TOTAL / 2, `acknowledged ${acknowledged.size}, failed ${failed}`);
    assert.equal(new Set(acknowledged.values()).size, acknowledged.size, 'no reference given twice');
  });

  it('the per-address sign-in rate limit is one counter for every node', async () => {
    const [a, b] = nodes as [AppNode, AppNode];
    // From one address (this machine) until node-a refuses: at most the limit of 20, earlier attempts included.
    let n = 0;
    for (;;) {
      const r = await new WebClient().signIn(a.url, `nobody${n}`, 'wrong-password-1A');
      n++;
      if (r.status === 429) break;
      assert.ok(n <= 20, 'node-a refuses within the limit');
    }
    // node-b took none of this loop's attempts, yet refuses the first one it gets: the count is in the database.
    const r = await new WebClient().signIn(b.url, 'nobody-b', 'wrong-password-1A');
    assert.equal(r.status, 429);
    assert.match(await r.text(), /登录尝试过于频繁/);
  });
});
