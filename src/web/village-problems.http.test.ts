import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp } from '../../test/support/http.ts';
import {
  ctxAs,
  fixedClock,
  makeUser,
  makeTwoVillageTownship,
  userActor,
} from '../../test/support/factories.ts';
import { planVillageInspection } from '../../test/support/village-inspection.ts';
import { recordProblem } from '../supervision/record-problem.ts';
import { rectifyProblem } from '../supervision/rectify-problem.ts';
import { closeOutProblem } from '../supervision/close-out-problem.ts';
import type { Db } from '../db/database.ts';

const noticesOf = (db: Db, userId: number) =>
  db
    .selectFrom('notifications')
    .select(['title', 'link'])
    .where('user_id', '=', userId)
    .where('kind', '=', 'supervision.village_problem')
    .orderBy('id')
    .execute();

describeEachDialect(
  'web: a village reads the problems about it that a township office must fix (#14)',
  (t) => {
    test('inspected village reads, other village and township-only do not; acting refused; told on open and 销号', async () => {
      const { db } = t();
      const clock = fixedClock('2026-04-08T02:00:00Z');
      const { town, office, villageA, villageB } = await makeTwoVillageTownship(db, clock);
      const clerk = await makeUser(db, town.id, ['clerk'], { officeId: office });
      const head = await makeUser(db, town.id, ['office_head'], { officeId: office });
      const liaisonA = await makeUser(db, town.id, ['liaison'], { villageId: villageA });
      const monitorA = await makeUser(db, town.id, ['village_supervisor'], { villageId: villageA });
      const liaisonB = await makeUser(db, town.id, ['liaison'], { villageId: villageB });
      const asClerk = ctxAs(db, userActor(clerk), clock);

      const { client } = testApp(db, clock);
      const signed = async (u: { username: string }) => {
        const c = client();
        assert.equal((await c.signIn(u.username)).status, 303);
        return c;
      };
      const [clerkC, aC, monitorC, bC] = [
        await signed(clerk),
        await signed(liaisonA),
        await signed(monitorA),
        await signed(liaisonB),
      ];

      // An inspection of village A finds a problem the 党政办 (the office) must fix: named on the target's form.
      const { inspectionId, targetId, itemId } = await planVillageInspection(asClerk, town.id, villageA);
      const page = await (await clerkC.get(`/office/supervision/inspections/${inspectionId}`)).text();
      assert.match(
        page,
        new RegExp(`name="unit-${itemId}"`),
        'the target form offers another responsible unit',
      );
      const res = await clerkC.post(`/office/supervision/inspections/${inspectionId}/targets/${targetId}`, {
        [`outcome-${itemId}`]: 'problem',
        [`problem-${itemId}`]: '东沟村一季度财务公开乡镇审核超期',
        [`unit-${itemId}`]: `office:${office}`,
      });
      assert.equal(res.status, 303);
      const aboutA = await db
        .selectFrom('sv_problems')
        .select(['id', 'unit_kind', 'unit_id', 'village_id', 'title', 'version'])
        .where('inspection_id', '=', inspectionId)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [aboutA.unit_kind, Number(aboutA.unit_id), Number(aboutA.village_id)],
        ['office', office, villageA],
        'the office is responsible, the problem is about village A',
      );
      const idA = Number(aboutA.id);

      // The same office's problem about village B (named by hand), one about no village, one about A by its link.
      const record = (title: string, extra: { villageId?: number | null; link?: string | null }) =>
        recordProblem(asClerk, town.id, {
          unitKind: 'office',
          unitId: office,
          responsibleUserId: null,
          responsibleName: '',
          title,
          description: '',
          deadline: null,
          link: extra.link ?? null,
          villageId: extra.villageId ?? null,
        });
      const aboutB = await record('西沟村村务公开审核超期', { villageId: villageB });
      const township = await record('党政办政策解读缺失', {});
      // Village A's liaison drafts its quarterly 财务公开 (opening the page seeds the templates); a problem links it.
      assert.equal((await aC.get(`/office/villages/v/${villageA}`)).status, 200);
      const drafted = await aC.post('/office/villages/items', {
        villageId: String(villageA),
        code: 'finance_quarterly',
        period: '2026-Q1',
      });
      assert.equal(drafted.status, 303);
      const itemA = Number(/\/items\/(\d+)/.exec(drafted.headers.get('location') ?? '')?.[1]);
      const linkedA = await record('东沟村财务公开乡镇审核未完成', {
        link: `/office/villages/items/${itemA}`,
      });
      assert.deepEqual([aboutB.villageId, township.villageId, linkedA.villageId], [villageB, null, villageA]);
      await assert.rejects(record('外乡镇的村', { villageId: 99_999 }), /所涉村不属于本乡镇/);

      // Visibility: the village page, the narrowed ledger and the problem page.
      const villagePageA = await (await aC.get(`/office/villages/v/${villageA}`)).text();
      assert.match(villagePageA, /涉及本村的督查问题（2）/);
      assert.ok(villagePageA.includes(aboutA.title) && villagePageA.includes(linkedA.title));
      assert.ok(!villagePageA.includes(aboutB.title) && !villagePageA.includes(township.title));
      assert.match(villagePageA, /本村只读/);
      assert.ok(villagePageA.includes(`/office/supervision/problems/${idA}`), 'the row opens the problem');
      const ledgerA = await (await aC.get('/office/supervision/problems')).text();
      assert.ok(ledgerA.includes(aboutA.title) && !ledgerA.includes(aboutB.title));
      assert.ok(!ledgerA.includes(township.title));
      for (const c of [aC, monitorC]) {
        const r = await c.get(`/office/supervision/problems/${idA}`);
        assert.equal(r.status, 200);
        const body = await r.text();
        assert.match(body, /所涉村/);
        assert.match(body, /id="village-read-only"/);
        assert.ok(body.includes(`/office/villages/v/${villageA}`), 'back to the village page: no dead end');
        assert.ok(!body.includes(`/office/supervision/problems/${idA}/rectify`), 'no rectify form');
      }
      for (const [c, id] of [
        [aC, township.id],
        [aC, aboutB.id],
        [bC, idA],
      ] as const)
        assert.equal((await c.get(`/office/supervision/problems/${id}`)).status, 404);
      const villagePageB = await (await bC.get(`/office/villages/v/${villageB}`)).text();
      assert.ok(villagePageB.includes(aboutB.title) && !villagePageB.includes(aboutA.title));
      const clerkVillageA = await (await clerkC.get(`/office/villages/v/${villageA}`)).text();
      assert.ok(clerkVillageA.includes(aboutA.title), 'the township reads the same list');

      // Acting: refused with a Chinese message, nothing changed.
      const refused = await aC.post(`/office/supervision/problems/${idA}/rectify`, {
        version: String(aboutA.version),
        note: '村里已经补交材料',
        link: '/office/villages',
      });
      assert.equal(refused.status, 403);
      assert.match(await refused.text(), /由责任单位.*整改，您可以查看进展，不能代为提交整改/);
      await assert.rejects(
        rectifyProblem(
          ctxAs(db, userActor(monitorA), clock),
          idA,
          { version: 1, note: '监委会代为整改' },
          [],
        ),
        /不能代为提交整改/,
      );

      // Told when opened: village A's liaison and 监委会 of A's two problems; village B of its own; nobody of the
      // township-only one.
      const openedA = await noticesOf(db, liaisonA.id);
      assert.deepEqual(
        openedA.map((n) => n.link),
        [`/office/supervision/problems/${idA}`, `/office/supervision/problems/${linkedA.id}`],
      );
      assert.match(
        openedA[0]!.title,
        /^涉及本村的问题：东沟村一季度财务公开乡镇审核超期（由.+整改，\d{4}-\d{2}-\d{2}前）$/,
      );
      assert.equal((await noticesOf(db, monitorA.id)).length, 2);
      assert.deepEqual(
        (await noticesOf(db, liaisonB.id)).map((n) => n.link),
        [`/office/supervision/problems/${aboutB.id}`],
      );

      // The office rectifies, a second person closes it (销号): the village is told, and its page shows it.
      await rectifyProblem(
        ctxAs(db, userActor(head), clock),
        idA,
        { version: aboutA.version, note: '已完成审核并公开' },
        [{ kind: 'link', text: '/office/villages' }],
      );
      const rectified = await db
        .selectFrom('sv_problems')
        .select('version')
        .where('id', '=', idA)
        .executeTakeFirstOrThrow();
      await closeOutProblem(asClerk, idA, {
        version: rectified.version,
        decision: 'close',
        note: '复核通过',
      });
      const closedA = (await noticesOf(db, liaisonA.id)).at(-1)!;
      assert.equal(closedA.title, `涉及本村的问题已销号：${aboutA.title}`);
      assert.equal(closedA.link, `/office/supervision/problems/${idA}`);
      assert.equal((await noticesOf(db, monitorA.id)).length, 3);
      assert.equal((await noticesOf(db, liaisonB.id)).length, 1, 'another village is not told');
      const afterA = await (await aC.get(`/office/villages/v/${villageA}`)).text();
      assert.match(afterA, /已销号，待回头看/);
      assert.match(afterA, /2026-04-08/);
      assert.match(afterA, /2026-05-08待回头看/);
    });
  },
);
