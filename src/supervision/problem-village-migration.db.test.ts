import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import {
  ctxAs,
  fixedClock,
  makeAgency,
  makeUser,
  makeTwoVillageTownship,
  makeVillage,
  userActor,
} from '../../test/support/factories.ts';
import * as problemVillage from '../db/migrations/2026_12_05_0200_problem_village.ts';
import { planVillageInspection } from '../../test/support/village-inspection.ts';
import { checkTarget } from './inspections.ts';
import { recordProblem } from './record-problem.ts';

describeEachDialect('migration 2026_12_05_0200: 所涉村 of the problems recorded before it', (t) => {
  test('filled from the responsible village, the inspected village and a village page link; else null', async () => {
    const { db } = t();
    const clock = fixedClock('2026-04-08T02:00:00Z');
    const { town, office, villageA, villageB } = await makeTwoVillageTownship(db, clock);
    const otherTown = await makeAgency(db, {});
    const foreign = await makeVillage(db, otherTown.id, '外乡村');
    const clerk = await makeUser(db, town.id, ['clerk'], { officeId: office });
    const ctx = ctxAs(db, userActor(clerk), clock);

    const { inspectionId, targetId, itemId } = await planVillageInspection(ctx, town.id, villageA);
    const [inspected] = await checkTarget(ctx, inspectionId, targetId, [
      {
        itemId,
        outcome: 'problem',
        note: '',
        evidence: [],
        problem: { title: '财务公开审核超期', unitKind: 'office', unitId: office },
      },
    ]);
    const record = (title: string, o: { unit?: number; link?: string; villageId?: number }) =>
      recordProblem(ctx, town.id, {
        unitKind: o.unit != null ? 'village' : 'office',
        unitId: o.unit ?? office,
        responsibleUserId: null,
        responsibleName: '',
        title,
        description: '',
        deadline: null,
        link: o.link ?? null,
        villageId: o.villageId ?? null,
      });
    const rows = {
      ownVillage: (await record('本村问题', { unit: villageB })).id,
      inspected: inspected!,
      pageLink: (await record('链接到村页面', { link: `/office/villages/v/${villageB}` })).id,
      queryLink: (await record('链接到村列表', { link: `/office/villages?year=2026&village=${villageA}` }))
        .id,
      foreignLink: (await record('链接到外乡村', { link: `/office/villages/v/${foreign}` })).id,
      // Named on the form only: nothing stored before the migration says it (such rows come with the migration).
      namedOnly: (await record('仅表单选择', { villageId: villageA })).id,
      none: (await record('不涉及村', {})).id,
    };
    const villageIds = async () =>
      Object.fromEntries(
        await Promise.all(
          Object.entries(rows).map(async ([k, id]) => {
            const r = await db
              .selectFrom('sv_problems')
              .select('village_id')
              .where('id', '=', id)
              .executeTakeFirstOrThrow();
            return [k, r.village_id == null ? null : Number(r.village_id)] as const;
          }),
        ),
      );
    assert.deepEqual(await villageIds(), {
      ownVillage: villageB,
      inspected: villageA,
      pageLink: villageB,
      queryLink: villageA,
      foreignLink: null,
      namedOnly: villageA,
      none: null,
    });

    // Back to the schema before it, and up again over the same rows.
    await problemVillage.down(db);
    await problemVillage.up(db);
    assert.deepEqual(await villageIds(), {
      ownVillage: villageB,
      inspected: villageA,
      pageLink: villageB,
      queryLink: villageA,
      foreignLink: null,
      namedOnly: null,
      none: null,
    });
  });
});
