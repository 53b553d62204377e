import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp, type TestClient } from '../../test/support/http.ts';
import { ROUTE_TABLE } from '../../test/attack/route-table.ts';
import { concretePath } from '../../test/attack/world.ts';
import { recordProblem } from '../supervision/record-problem.ts';
import { runMonthlyBulletins } from '../supervision/bulletin.ts';
import {
  ctxAs,
  fixedClock,
  makeAgency,
  makeUser,
  makeTwoVillageTownship,
  systemCtx,
  userActor,
} from '../../test/support/factories.ts';
import { isVillageOnly } from '../org/access.ts';

const FORBIDDEN = [403, 404];

describeEachDialect('web: a village-only user sees and edits only their own village (#14)', (t) => {
  test('a village liaison gets 403/404 on township-wide pages and other villages, and still does their own work', async () => {
    const { db } = t();
    const clock = fixedClock('2026-04-08T02:00:00Z');
    const { town, office, villageA: mine, villageB: other } = await makeTwoVillageTownship(db, clock);
    const liaison = await makeUser(db, town.id, ['liaison'], { villageId: mine });
    const otherLiaison = await makeUser(db, town.id, ['liaison'], { villageId: other });
    const officeLiaison = await makeUser(db, town.id, ['liaison'], { officeId: office });
    const cadre = await makeUser(db, town.id, ['village_cadre'], { villageId: mine });
    assert.equal(isVillageOnly(liaison), true);
    assert.equal(isVillageOnly(officeLiaison), false, 'an office liaison works for the township');
    assert.equal(isVillageOnly(cadre), false, 'a 包村干部 is township staff');

    const app = testApp(db, clock);
    const as = async (u: { username: string }) => {
      const c = app.client();
      await c.signIn(u.username);
      return c;
    };
    const me = await as(liaison);
    const them = await as(otherLiaison);

    // The other village's liaison drafts an item; this liaison drafts one of their own.
    const draftFor = async (c: Awaited<ReturnType<typeof as>>, villageId: number) => {
      const res = await c.post('/office/villages/items', {
        villageId: String(villageId),
        code: 'finance_quarterly',
        period: '2026-Q1',
      });
      assert.equal(res.status, 303);
      return Number(/\/items\/(\d+)/.exec(res.headers.get('location') ?? '')?.[1]);
    };
    // Opening one's own village page seeds the township's templates.
    assert.equal((await me.get(`/office/villages/v/${mine}`)).status, 200);
    const theirs = await draftFor(them, other);
    const own = await draftFor(me, mine);
    assert.ok(own > 0 && theirs > 0);

    // Township-wide pages: requests, publications, reports, statistics, the org, the village overview's tools.
    for (const path of [
      '/office/requests',
      '/office/publications',
      '/office/annual-reports',
      '/office/stats/publications',
      '/office/stats/requests',
      '/office/inquiries',
      `/office/org/${town.id}`,
      '/office/villages/templates',
    ]) {
      const res = await me.get(path);
      assert.ok(FORBIDDEN.includes(res.status), `${path} answered ${res.status}`);
    }
    // Creating a township publication is refused too (the village publishes through 村级公开).
    const pub = await me.post('/office/publications', { title: '村里的通知', body: '正文' });
    assert.ok(FORBIDDEN.includes(pub.status), `POST /office/publications answered ${pub.status}`);

    // Another village: its page, its draft, a new draft for it.
    assert.ok(FORBIDDEN.includes((await me.get(`/office/villages/v/${other}`)).status));
    assert.ok(FORBIDDEN.includes((await me.get(`/office/villages/items/${theirs}`)).status));
    const foreign = await me.post('/office/villages/items', {
      villageId: String(other),
      code: 'finance_quarterly',
      period: '2026-Q1',
    });
    assert.ok(FORBIDDEN.includes(foreign.status), `drafting for another village answered ${foreign.status}`);

    // Their own work: the overview sends them to their village, their item opens, the nav shows what they use.
    const overview = await me.get('/office/villages');
    assert.equal(overview.status, 303);
    assert.equal(overview.headers.get('location'), `/office/villages/v/${mine}`);
    const item = await me.get(`/office/villages/items/${own}`);
    assert.equal(item.status, 200);
    const homeRes = await me.get('/office');
    assert.equal(homeRes.status, 200);
    const home = await homeRes.text();
    const nav = /<nav class="wrap office-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(home)?.[1] ?? '';
    assert.match(nav, /村级公开/);
    for (const label of ['主动公开', '统计图表', '依申请公开', '年度报告'])
      assert.doesNotMatch(nav, new RegExp(label));

    // An office liaison still reads the township's publications and sees 主动公开.
    const staff = await as(officeLiaison);
    assert.equal((await staff.get('/office/publications')).status, 200);
    const staffNav = /<nav class="wrap office-nav"[^>]*>([\s\S]*?)<\/nav>/.exec(
      await (await staff.get('/office')).text(),
    )?.[1];
    assert.match(staffNav ?? '', /主动公开/);
  });
});

/** The supervision routes of the permission matrix (test/attack/route-table.ts): every one is called below. */
const SUPERVISION_ROUTES = Object.entries(ROUTE_TABLE).filter(([k]) =>
  k.slice(k.indexOf(' ') + 1).startsWith('/office/supervision'),
);
/** A valid form for each step, so a village user's call reaches the authorisation, not the field checks. */
const VALID: Record<string, (version: number) => Record<string, string>> = {
  rectify: (v) => ({ version: String(v), note: '已经整改到位', link: '/office' }),
  'close-out': (v) => ({ version: String(v), decision: 'close', note: '复核通过' }),
  'follow-ups': () => ({ result: 'passed', note: '未复发' }),
  supervise: () => ({ demand: '请限期整改到位', answerBy: '2026-04-30' }),
  answer: () => ({ answer: '已经整改到位' }),
  new: () => ({ unit: 'agency:0', title: '伪造的问题', deadline: '2026-04-30' }),
};
const formFor = (key: string, version: number) =>
  VALID[/\/(rectify|close-out|follow-ups|supervise|answer|new)(?:\/|$)/.exec(key)?.[1] ?? '']?.(version) ??
  {};
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);

describeEachDialect(
  'web: a village-only user reads only their own village’s supervision problems (#14)',
  (t) => {
    test('every supervision route × village A, village B, township clerk, county supervisor', async () => {
      const { db } = t();
      const clock = fixedClock('2026-04-08T02:00:00Z');
      const county = await makeAgency(db, { kind: 'county', parentId: null });
      const { town, office, villageA, villageB } = await makeTwoVillageTownship(db, clock, {
        parentId: county.id,
      });
      const clerk = await makeUser(db, town.id, ['clerk'], { officeId: office });
      const liaisonA = await makeUser(db, town.id, ['liaison'], { villageId: villageA });
      const liaisonB = await makeUser(db, town.id, ['liaison'], { villageId: villageB });
      const supervisor = await makeUser(db, county.id, ['supervisor']);
      const asClerk = ctxAs(db, userActor(clerk), clock);

      // One problem of each village, one of the township's own (an office), each with a photo, a 回头看, a 督办.
      const record = (unitKind: 'village' | 'office', unitId: number, title: string) =>
        recordProblem(
          asClerk,
          town.id,
          {
            unitKind,
            unitId,
            responsibleUserId: null,
            responsibleName: '',
            title,
            description: '',
            deadline: null,
            link: null,
          },
          [{ kind: 'photo', fileName: '现场.png', bytes: PNG }],
        );
      const problems = {
        A: await record('village', villageA, '东沟村公开栏未更新'),
        B: await record('village', villageB, '西沟村财务公开逾期'),
        T: await record('office', office, '党政办政策解读缺失'),
      };
      const sub = new Map<number, { eid: number; fid: number; sid: number }>();
      for (const p of Object.values(problems)) {
        const e = await db
          .selectFrom('sv_evidence')
          .select('id')
          .where('problem_id', '=', p.id)
          .executeTakeFirstOrThrow();
        const f = await db
          .insertInto('sv_follow_ups')
          .values({ problem_id: p.id, offset_days: 30, due_on: '2026-04-01', status: 'scheduled' })
          .returning('id')
          .executeTakeFirstOrThrow();
        const s = await db
          .insertInto('sv_supervisions')
          .values({
            problem_id: p.id,
            issuer_agency_id: county.id,
            issued_by: supervisor.id,
            issued_by_name: supervisor.displayName,
            issued_at: clock.now().toISOString(),
            demand: '限期整改',
            answer_by: '2026-04-20',
            status: 'waiting',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        sub.set(p.id, { eid: Number(e.id), fid: Number(f.id), sid: Number(s.id) });
      }
      // The month's bulletin in progress (a draft naming the problems).
      await runMonthlyBulletins(systemCtx(db, clock), { month: '2026-04' });
      const MISSING = 99_999_999;
      const pathFor = (pattern: string, problemId: number) => {
        const ids = sub.get(problemId) ?? { eid: MISSING, fid: MISSING, sid: MISSING };
        return pattern
          .replace(/:id\{[^}]*\}/, String(problemId))
          .replace(/:eid\{[^}]*\}/, String(ids.eid))
          .replace(/:fid\{[^}]*\}/, String(ids.fid))
          .replace(/:sid\{[^}]*\}/, String(ids.sid));
      };

      const own = { liaisonA: problems.A, liaisonB: problems.B } as const;
      const { client } = testApp(db, clock);
      const actors: Record<string, { c: TestClient; csrf: string }> = {};
      for (const [name, u] of Object.entries({ liaisonA, liaisonB, clerk, supervisor })) {
        const c = client();
        assert.equal((await c.signIn(u.username)).status, 303);
        actors[name] = { c, csrf: await c.csrf() };
      }
      // Village users send valid forms (their refusals must come from the policy); the staff send empty ones (no
      // change of state, only no 5xx and no 404).
      const call = (who: string, key: string, path: string, version = 1) => {
        const { c, csrf } = actors[who]!;
        if (key.startsWith('GET ')) return c.get(path);
        return c.post(path, who in own ? formFor(key, version) : {}, { csrf });
      };
      const bodyOf = async (res: Response) =>
        /text|json|xml/.test(res.headers.get('content-type') ?? '')
          ? res.text()
          : (await res.arrayBuffer(), '');
      const failures: string[] = [];
      let cells = 0;

      for (const [key, entry] of SUPERVISION_ROUTES) {
        const pattern = key.slice(key.indexOf(' ') + 1);
        if (entry.owner === 'problem') {
          for (const [who, mine] of Object.entries(own)) {
            // Another village's problem, the township's, a missing one: the same 404, nothing of the problem shown.
            for (const p of [
              ...Object.values(problems).filter((x) => x.id !== mine.id),
              { id: MISSING, title: '' },
            ]) {
              const res = await call(who, key, pathFor(pattern, p.id), 'version' in p ? p.version : 1);
              const body = await bodyOf(res);
              cells++;
              if (res.status !== 404) failures.push(`${who} ${key} on problem ${p.id} → ${res.status}`);
              for (const other of Object.values(problems))
                if (other.id !== mine.id && body.includes(other.title))
                  failures.push(`${who} ${key} leaks ${other.title}`);
            }
            // Their own: the page and its photo open; a step they may not take is refused (403), not hidden;
            // rectifying it is theirs (below, at the end).
            if (key.endsWith('/rectify')) continue;
            const res = await call(who, key, pathFor(pattern, mine.id), mine.version);
            await bodyOf(res);
            cells++;
            const want = key.startsWith('GET ') ? 200 : 403;
            if (res.status !== want)
              failures.push(`${who} ${key} on their own problem → ${res.status}, want ${want}`);
          }
          for (const who of ['clerk', 'supervisor'])
            for (const p of Object.values(problems)) {
              const res = await call(who, key, pathFor(pattern, p.id));
              await bodyOf(res);
              cells++;
              if (key.startsWith('GET ') ? res.status !== 200 : res.status >= 500 || res.status === 404)
                failures.push(`${who} ${key} on problem ${p.id} → ${res.status}`);
            }
          continue;
        }
        // The routes over the whole agency (ledger, home, inspections, bulletins, trainings, evaluation, assessment).
        for (const who of Object.keys(actors)) {
          const path = concretePath(
            pattern.replace(/:period\{(?:[^{}]|\{[^}]*\})*\}/, '2026-04'),
            {} as Parameters<typeof concretePath>[1],
          );
          const res = await call(
            who,
            key,
            who === 'supervisor' && key.startsWith('GET ') ? `${path}?agency=${town.id}` : path,
          );
          const body = await bodyOf(res);
          cells++;
          if (res.status >= 500) failures.push(`${who} ${key} → ${res.status}`);
          if (who in own) {
            const mine = own[who as keyof typeof own];
            for (const other of Object.values(problems))
              if (other.id !== mine.id && body.includes(other.title))
                failures.push(`${who} ${key} leaks ${other.title}`);
            if (key === 'GET /office/supervision/problems') {
              if (res.status !== 200 || !body.includes(mine.title))
                failures.push(`${who} ledger lacks their problem`);
            } else if (key === 'GET /office/supervision') {
              if (res.headers.get('location') !== '/office/supervision/problems')
                failures.push(`${who} home → ${res.status}`);
            } else if (key.startsWith('GET ') && res.status !== 404)
              failures.push(`${who} ${key} → ${res.status}`);
            else if (!key.startsWith('GET ') && res.status !== 403 && res.status !== 404)
              failures.push(`${who} ${key} → ${res.status}`);
          } else if (key === 'GET /office/supervision/problems') {
            for (const p of Object.values(problems))
              if (!body.includes(p.title)) failures.push(`${who} ledger lacks ${p.title}`);
          }
        }
      }
      // Another township's ledger by a forged ?agency=: not found.
      const forged = await actors.liaisonA!.c.get(`/office/supervision/problems?agency=${county.id}`);
      if (forged.status !== 404) failures.push(`liaisonA forged ?agency → ${forged.status}`);
      assert.deepEqual(failures, [], `${failures.length} failures in ${cells} cells`);

      // The dashboard (待我处理, the 监督保障 card) names only their own village's problem.
      const home = await (await actors.liaisonA!.c.get('/office')).text();
      assert.ok(home.includes(problems.A.title), 'the inbox lists their problem to rectify');
      assert.ok(!home.includes(problems.B.title) && !home.includes(problems.T.title));
      assert.match(home, /待我整改 1 个/);

      // And they still rectify it.
      const rectified = await actors.liaisonA!.c.post(
        `/office/supervision/problems/${problems.A.id}/rectify`,
        { version: String(problems.A.version), note: '已更新公开栏并拍照', link: '/office/villages' },
        { csrf: actors.liaisonA!.csrf },
      );
      assert.equal(rectified.status, 303);
      const after = await db
        .selectFrom('sv_problems')
        .select('status')
        .where('id', '=', problems.A.id)
        .executeTakeFirstOrThrow();
      assert.equal(after.status, 'rectified');
    });
  },
);
