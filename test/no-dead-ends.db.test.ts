/**
 * No dead ends (issue 10): every state of a request and of a publication, under every review configuration (the
 * step's office with or without a head, with or without a substitute, the disclosure office with or without a head,
 * review chains of 1 to 4 steps), waits on at least one named person; that person may take the step under the
 * policy — or, when nobody is left, is an admin who may reassign it, after which the assignee may take it — and the
 * person is told (a reminder row is written for them by the one notification writer). The same for village items and
 * villagers' objections, citizens' messages (互动交流) and the problems of the 整改台账 with their 督办.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from './support/db.ts';
import { makeAgency, makeOffice, makeUser, makeVillage, systemCtx, userActor } from './support/factories.ts';
import type { Db } from '../src/db/database.ts';
import { setDisclosureOffice } from '../src/org/manage-agency.ts';
import { orgSnapshot, type OrgSnapshot } from '../src/org/acting-persons.ts';
import { agencyScope } from '../src/org/org.queries.ts';
import type { User } from '../src/org/org.ts';
import { requestWaiting } from '../src/requests/waiting.ts';
import { requestPolicy, type RequestScope } from '../src/requests/request.policy.ts';
import { REQUEST_STATES, type InfoRequest } from '../src/requests/request.ts';
import { publicationWaiting } from '../src/publications/waiting.ts';
import { publicationPolicy } from '../src/publications/publication.policy.ts';
import {
  chainState,
  PUBLICATION_STATUSES,
  type ReviewChainConfig,
  type ReviewRecord,
} from '../src/publications/publication.ts';
import type { Publication } from '../src/publications/publications.queries.ts';
import { notifyHandover } from '../src/notifications/handover.ts';
import type { WaitingItem } from '../src/notifications/waiting-item.ts';
import { disclosureWaiting, objectionWaiting } from '../src/villages/waiting.ts';
import { villagePolicy } from '../src/villages/village.policy.ts';
import { requireActors } from '../src/villages/notify.ts';
import { inquiryApprovers, inquiryWaiting } from '../src/inquiries/waiting.ts';
import { headsOf } from '../src/inquiries/inquiries.queries.ts';
import { inquiryPolicy } from '../src/inquiries/inquiry.policy.ts';
import { problemWaiting } from '../src/supervision/waiting.ts';
import { supervisionPolicy } from '../src/supervision/supervision.policy.ts';
import { closeOutRefusal } from '../src/supervision/problem.ts';

interface World {
  label: string;
  agencyId: number;
  office: number;
  disclosure: number;
  drafter: User;
  admin: User;
  byId: Map<number, User>;
}

/** One agency per configuration: the drafting office with/without head and substitute, the disclosure office too. */
async function world(
  db: Db,
  officeHead: boolean,
  substitute: boolean,
  disclosureHead: boolean,
): Promise<World> {
  const agency = await makeAgency(db);
  const disclosure = await makeOffice(db, agency.id);
  await setDisclosureOffice(systemCtx(db), agency.id, disclosure);
  const office = await makeOffice(db, agency.id);
  const users = [
    await makeUser(db, agency.id, ['clerk'], { officeId: disclosure }),
    await makeUser(db, agency.id, ['drafter'], { officeId: office }),
    await makeUser(db, agency.id, ['admin']),
    await makeUser(db, agency.id, ['deputy_leader']),
    await makeUser(db, agency.id, ['principal_leader']),
    await makeUser(db, agency.id, ['drafter'], { officeId: office }),
  ];
  if (officeHead) users.push(await makeUser(db, agency.id, ['office_head'], { officeId: office }));
  if (disclosureHead) users.push(await makeUser(db, agency.id, ['office_head'], { officeId: disclosure }));
  if (substitute) {
    // The substitute of both offices: a drafter of the drafting office (not its author).
    for (const o of [office, disclosure])
      await db.updateTable('offices').set({ substitute_user_id: users[5]!.id }).where('id', '=', o).execute();
  }
  return {
    label: label([
      ['站办所负责人', officeHead],
      ['代理人', substitute],
      ['公开机构负责人', disclosureHead],
    ]),
    agencyId: agency.id,
    office,
    disclosure,
    drafter: users[1]!,
    admin: users[2]!,
    byId: new Map(users.map((u) => [u.id, u])),
  };
}

/** The review steps in order: a chain of n steps is the first n; the 4-step chain always asks the principal leader. */
const STEPS: ReviewChainConfig['steps'] = [
  { step: 'first_review', role: 'drafter' },
  { step: 'second_review', role: 'office_head' },
  { step: 'final_review', role: 'deputy_leader' },
  { step: 'principal_approval', role: 'principal_leader' },
];
const CHAINS: ReviewChainConfig[] = [1, 2, 3, 4].map((n) => ({
  steps: STEPS.slice(0, n),
  principalWhen: n === STEPS.length ? 'always' : 'major',
}));

/** Every combination of the named yes/no conditions, each present (true) before absent, the first name outermost. */
function configurations<K extends string>(...names: K[]): Record<K, boolean>[] {
  return names.reduceRight<Record<K, boolean>[]>(
    (inner, name) => [true, false].flatMap((v) => inner.map((rest) => ({ [name]: v, ...rest }))),
    [{} as Record<K, boolean>],
  );
}

/** A configuration as people say it: 站办所负责人有·代理人无. */
const label = (parts: [string, boolean][]) =>
  parts.map(([who, present]) => `${who}${present ? '有' : '无'}`).join('·');

/** Someone can act on the item: a resolved person the policy lets take it, or an admin whose reassignee can. */
function assertActionable(
  w: World,
  org: OrgSnapshot,
  item: WaitingItem,
  can: (u: User, org: OrgSnapshot) => boolean,
  resolve: (org: OrgSnapshot) => WaitingItem,
  where: string,
) {
  assert.ok(item.persons.userIds.length > 0, `${where}: nobody to act`);
  if (item.persons.via !== 'admin') {
    for (const id of item.persons.userIds)
      assert.ok(can(w.byId.get(id)!, org), `${where}: user ${id} may not act`);
    return;
  }
  // Nobody holds the step: the admins are told and may reassign it; the assignee then can act.
  assert.ok(item.step, `${where}: an item falling to the admins must be reassignable`);
  assert.ok(item.persons.userIds.includes(w.admin.id), `${where}: admin not among the persons`);
  const assignee = [...w.byId.values()].find((u) => u.roles.includes('deputy_leader'))!;
  const after: OrgSnapshot = {
    ...org,
    assignments: [
      { objectType: item.objectType, objectId: item.objectId, step: item.step, userId: assignee.id },
      ...org.assignments,
    ],
  };
  const again = resolve(after);
  assert.deepEqual(again.persons.userIds, [assignee.id], `${where}: reassignment not honoured`);
  assert.ok(can(assignee, after), `${where}: the reassigned person may not act`);
}

async function assertTold(db: Db, item: WaitingItem, where: string) {
  await notifyHandover(db, new Date('2026-12-01T02:00:00Z'), null, [], [item]);
  for (const id of item.persons.userIds) {
    const row = await db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', id)
      .where('kind', '=', item.kind)
      .where('link', '=', item.link)
      .executeTakeFirst();
    assert.ok(row, `${where}: user ${id} was not told`);
  }
}

describeEachDialect('no dead ends: every waiting state reaches a person who can act and is told', (t) => {
  it('requests: every state × with/without head, substitute, extension requested', async (tc) => {
    const { db } = t();
    let cases = 0;
    let nextId = 1_000_000;
    for (const { head, sub } of configurations('head', 'sub')) {
      const w = await world(db, false, sub, head);
      const base = await agencyScope(db, w.agencyId);
      for (const status of REQUEST_STATES)
        for (const extensionAsked of [false, true]) {
          const id = nextId++;
          const r = {
            id,
            agencyId: w.agencyId,
            reference: `测试〔2026〕${id}号`,
            status,
            submittedOn: '2026-11-20',
            dueOn: '2026-12-18',
            handlerId: null,
            extensionDays: null,
            extensionRequestedAt: extensionAsked ? '2026-12-01T01:00:00Z' : null,
            extensionRequestedDays: extensionAsked ? 10 : null,
            extensionRequestedReason: extensionAsked ? '需调取档案' : null,
            extensionRequestedByName: '办件员',
          } as unknown as InfoRequest;
          const resolve = (org: OrgSnapshot) => requestWaiting(org, r, { correctionToReview: false });
          const org = await orgSnapshot(db, w.agencyId);
          const items = resolve(org);
          const where = `${w.label} · ${status}${extensionAsked ? ' · 延期待批' : ''}`;
          if (status === 'archived') {
            assert.equal(items.length, 0, `${where}: an archived request waits on nothing`);
            continue;
          }
          assert.ok(items.length > 0, `${where}: waits on nothing`);
          for (const item of items) {
            const can = (u: User, o: OrgSnapshot) => {
              const again = requestWaiting(o, r, { correctionToReview: false }).find(
                (x) => x.kind === item.kind,
              )!;
              const taking = again.persons.via === 'admin' ? [] : again.persons.userIds;
              const scope: RequestScope = {
                ...base,
                disclosureOfficeId: w.disclosure,
                handlerId: null,
                approverIds: item.kind === 'request.approval' ? taking : [],
                extensionApproverIds: item.kind === 'request.extension_approval' ? taking : [],
              };
              const a = userActor(u);
              if (item.kind === 'request.approval') return requestPolicy.approve(a, scope);
              if (item.kind === 'request.extension_approval') return requestPolicy.extend(a, scope);
              if (item.kind === 'request.confirm') return requestPolicy.register(a, scope);
              return requestPolicy.handle(a, scope);
            };
            assertActionable(w, org, item, can, (o) => resolve(o).find((x) => x.kind === item.kind)!, where);
            await assertTold(db, item, where);
            cases++;
          }
        }
    }
    // 4 configurations × 11 non-archived states × 2, plus the extension items of the open states.
    tc.diagnostic(`${cases} cases enumerated`);
    assert.ok(cases >= 88, `only ${cases} cases enumerated`);
  });

  it('publications: every state × office head, substitute, disclosure head × 1–4 step chains', async (tc) => {
    const { db } = t();
    let cases = 0;
    let nextId = 2_000_000;
    for (const { head, sub, disclosureHead } of configurations('head', 'sub', 'disclosureHead')) {
      const w = await world(db, head, sub, disclosureHead);
      const scope = await agencyScope(db, w.agencyId);
      for (const chainConfig of CHAINS) {
        const n = chainConfig.steps.length;
        // draft, returned, approved, plus in review at each step after the drafter's own.
        const states: { status: (typeof PUBLICATION_STATUSES)[number]; signed: number }[] = [
          { status: 'draft', signed: 0 },
          { status: 'returned', signed: 0 },
          ...Array.from({ length: n - 1 }, (_, k) => ({ status: 'in_review' as const, signed: k + 1 })),
          { status: 'approved', signed: n },
          { status: 'published', signed: n },
          { status: 'withdrawn', signed: n },
        ];
        for (const s of states) {
          const id = nextId++;
          const p = {
            id,
            agencyId: w.agencyId,
            status: s.status,
            officeId: w.office,
            createdBy: w.drafter.id,
            createdByName: w.drafter.displayName,
            reviewRound: 1,
            isMajor: false,
            title: `测试信息${id}`,
            dueOn: '2026-12-20',
          } as unknown as Publication;
          const org = await orgSnapshot(db, w.agencyId);
          // Sign the first `signed` steps as the chain itself would: each by a person its step resolves to.
          const reviews: ReviewRecord[] = [];
          for (let k = 0; k < s.signed && s.status === 'in_review'; k++) {
            const chain = chainState(chainConfig, false, 1, reviews);
            const signer =
              k === 0 ? w.drafter.id : publicationWaiting(org, p, chain, null)[0]!.persons.userIds[0]!;
            reviews.push({
              round: 1,
              step: chainConfig.steps[k]!.step,
              action: 'approve',
              userId: signer,
              userName: '签批人',
              reason: null,
              signedAt: '2026-12-01T01:00:00Z',
            });
          }
          const chain = chainState(chainConfig, false, 1, reviews);
          const resolve = (o: OrgSnapshot) => publicationWaiting(o, p, chain, null);
          const items = resolve(org);
          const where = `${w.label} · ${n}步 · ${s.status}${s.status === 'in_review' ? `（第${s.signed + 1}步）` : ''}`;
          if (s.status === 'published' || s.status === 'withdrawn') {
            assert.equal(items.length, 0, `${where}: a finished item waits on nothing`);
            continue;
          }
          assert.equal(items.length, 1, `${where}: waits on nothing`);
          const item = items[0]!;
          const can = (u: User, o: OrgSnapshot) => {
            const again = resolve(o)[0]!;
            const facts = {
              status: p.status,
              createdBy: p.createdBy,
              officeId: p.officeId,
              chain,
              reviewerIds: again.persons.via === 'admin' ? [] : again.persons.userIds,
            };
            const a = userActor(u);
            if (p.status === 'in_review')
              return (
                publicationPolicy.review(a, scope, facts, chain.next!.step, 'approve') &&
                publicationPolicy.review(a, scope, facts, chain.next!.step, 'return')
              );
            if (p.status === 'approved') return publicationPolicy.publish(a, scope, facts);
            return publicationPolicy.review(a, scope, facts, 'first_review', 'approve');
          };
          assertActionable(w, org, item, can, (o) => resolve(o)[0]!, where);
          await assertTold(db, item, where);
          cases++;
        }
      }
    }
    tc.diagnostic(`${cases} cases enumerated`);
    assert.ok(cases >= 8 * (4 * 3 + 6), `only ${cases} cases enumerated`);
  });
});

/** The users by id, the agency's scope and its org snapshot, read once the users exist. */
async function peopleOf(db: Db, agencyId: number, users: User[]) {
  const byId = new Map(users.map((u) => [u.id, u]));
  return { byId, scope: await agencyScope(db, agencyId), org: await orgSnapshot(db, agencyId) };
}

/** Every person of every item may act under `can`, and is told; returns the number of items checked. */
async function assertEachCanAndIsTold(
  db: Db,
  items: readonly WaitingItem[],
  byId: Map<number, User>,
  can: (item: WaitingItem, u: User) => boolean,
  where: string,
): Promise<number> {
  for (const item of items) {
    assert.ok(item.persons.userIds.length > 0, `${where} · ${item.kind}: nobody to act`);
    for (const id of item.persons.userIds)
      assert.ok(can(item, byId.get(id)!), `${where} · ${item.kind}: user ${id} may not act`);
    await assertTold(db, item, `${where} · ${item.kind}`);
  }
  return items.length;
}

describeEachDialect('no dead ends: villages, 互动交流 and 监督', (t) => {
  it('village items and objections: every state × 监委会 member, 包村干部, 党政办 present or not', async (tc) => {
    const { db } = t();
    let cases = 0;
    let nextId = 3_000_000;
    for (const { supervisor, cadre, clerk } of configurations('supervisor', 'cadre', 'clerk')) {
      const agency = await makeAgency(db);
      const villageId = await makeVillage(db, agency.id);
      const liaison = await makeUser(db, agency.id, ['liaison'], { villageId });
      const users = [liaison, await makeUser(db, agency.id, ['admin'])];
      const signer = supervisor ? await makeUser(db, agency.id, ['village_supervisor'], { villageId }) : null;
      if (signer) users.push(signer);
      if (cadre) users.push(await makeUser(db, agency.id, ['village_cadre'], { villageId }));
      if (clerk) users.push(await makeUser(db, agency.id, ['clerk']));
      const { byId, scope, org } = await peopleOf(db, agency.id, users);
      const where = label([
        ['监委会', supervisor],
        ['包村干部', cadre],
        ['党政办', clerk],
      ]);
      for (const status of ['draft', 'returned', 'supervision', 'township_review'] as const) {
        const id = nextId++;
        const d = {
          id,
          villageId,
          villageName: '测试村',
          title: `事项${id}`,
          status,
          createdBy: liaison.id,
          dueOn: '2026-12-10',
          signerIds: status === 'township_review' && signer ? [signer.id] : [],
          returnReason: status === 'returned' ? '金额有误' : null,
        };
        const items = disclosureWaiting(org, d);
        assert.equal(items.length, 1, `${where} · ${status}: waits on nothing`);
        if (items[0]!.persons.userIds.length === 0) {
          // Nobody could act: the move into this state is refused before it happens (the reason names who is missing).
          assert.ok(status === 'supervision' || status === 'township_review', `${where} · ${status}`);
          await assert.rejects(requireActors(db, agency.id, villageId, status), /账号/);
          cases++;
          continue;
        }
        const facts = { villageId, status, createdBy: liaison.id, signerIds: d.signerIds };
        cases += await assertEachCanAndIsTold(
          db,
          items,
          byId,
          (_item, u) => {
            const a = userActor(u);
            if (status === 'supervision') return villagePolicy.supervise(a, scope, facts);
            if (status === 'township_review') return villagePolicy.reviewTownship(a, scope, facts);
            return villagePolicy.edit(a, scope, facts);
          },
          `${where} · ${status}`,
        );
      }
      for (const status of ['open', 'escalated'] as const) {
        const item = objectionWaiting(org, {
          id: nextId++,
          disclosureId: nextId,
          villageId,
          villageName: '测试村',
          title: '低保名单',
          status,
          answerDueOn: '2026-12-08',
        });
        if (item.persons.userIds.length === 0) {
          assert.equal(status, 'escalated');
          await assert.rejects(requireActors(db, agency.id, villageId, 'objection_escalated'), /账号/);
          cases++;
          continue;
        }
        cases += await assertEachCanAndIsTold(
          db,
          [item],
          byId,
          (_i, u) =>
            status === 'open'
              ? villagePolicy.answerObjection(userActor(u), scope, villageId, 'open')
              : villagePolicy.recordOutcome(userActor(u), scope, villageId, 'escalated'),
          `${where} · 异议${status}`,
        );
      }
    }
    tc.diagnostic(`${cases} cases enumerated`);
    assert.equal(cases, 8 * 6);
  });

  it('互动交流: every open state × office head, drafter, leaders; transfers to an office without a head', async (tc) => {
    const { db } = t();
    let cases = 0;
    let nextId = 4_000_000;
    for (const { head, drafter, leader } of configurations('head', 'drafter', 'leader')) {
      const agency = await makeAgency(db);
      const office = await makeOffice(db, agency.id);
      const other = await makeOffice(db, agency.id);
      const users = [await makeUser(db, agency.id, ['clerk']), await makeUser(db, agency.id, ['admin'])];
      if (head) users.push(await makeUser(db, agency.id, ['office_head'], { officeId: office }));
      if (drafter) users.push(await makeUser(db, agency.id, ['drafter'], { officeId: office }));
      if (leader) users.push(await makeUser(db, agency.id, ['deputy_leader']));
      const { byId, scope: base, org } = await peopleOf(db, agency.id, users);
      // The pure resolution agrees with the one the use cases read (headsOf).
      assert.deepEqual(
        inquiryApprovers(org, office),
        (await headsOf(db, agency.id, office)).map((u) => u.id),
      );
      const where = label([
        ['负责人', head],
        ['承办人', drafter],
        ['领导', leader],
      ]);
      const states = [
        { status: 'pending_routing', officeId: null, returnedReason: null, transferTo: null },
        { status: 'in_progress', officeId: office, returnedReason: null, transferTo: null },
        { status: 'in_progress', officeId: office, returnedReason: '请补充依据', transferTo: null },
        { status: 'pending_approval', officeId: office, returnedReason: null, transferTo: null },
        { status: 'in_progress', officeId: office, returnedReason: null, transferTo: other },
      ] as const;
      for (const s of states) {
        const items = inquiryWaiting(org, {
          id: nextId++,
          reference: `LY${nextId}`,
          kind: 'question',
          topic: null,
          status: s.status,
          officeId: s.officeId,
          dueOn: '2026-12-15',
          returnedReason: s.returnedReason,
          draftByName: '承办人',
          transferToOfficeId: s.transferTo,
          transferReason: s.transferTo ? '不属本站所职责' : null,
        });
        assert.ok(items.length > 0, `${where} · ${s.status}: waits on nothing`);
        const scope = {
          ...base,
          officeId: s.officeId,
          transferToOfficeId: s.transferTo,
          approverIds: (await headsOf(db, agency.id, s.officeId)).map((u) => u.id),
          transferApproverIds: s.transferTo
            ? (await headsOf(db, agency.id, s.transferTo)).map((u) => u.id)
            : [],
        };
        cases += await assertEachCanAndIsTold(
          db,
          items,
          byId,
          (item, u) => {
            const a = userActor(u);
            if (item.kind === 'inquiry.routing') return inquiryPolicy.manage(a, scope);
            if (item.kind === 'inquiry.approval') return inquiryPolicy.approve(a, scope);
            if (item.kind === 'inquiry.transfer') return inquiryPolicy.acceptTransfer(a, scope);
            return inquiryPolicy.handle(a, scope);
          },
          `${where} · ${s.status}`,
        );
      }
    }
    tc.diagnostic(`${cases} cases enumerated`);
    assert.ok(cases >= 8 * 6, `only ${cases} cases enumerated`);
  });

  it('监督: problems to rectify, to close out (not by the rectifier) and 督办 to answer × who exists', async (tc) => {
    const { db } = t();
    let cases = 0;
    let nextId = 5_000_000;
    for (const { responsible, head, clerk } of configurations('responsible', 'head', 'clerk')) {
      const agency = await makeAgency(db);
      const office = await makeOffice(db, agency.id);
      const admin = await makeUser(db, agency.id, ['admin']);
      const users = [admin, await makeUser(db, agency.id, ['deputy_leader'])];
      const resp = responsible ? await makeUser(db, agency.id, ['drafter'], { officeId: office }) : null;
      if (resp) users.push(resp);
      if (head) users.push(await makeUser(db, agency.id, ['office_head'], { officeId: office }));
      const clerkUser = clerk ? await makeUser(db, agency.id, ['clerk']) : null;
      if (clerkUser) users.push(clerkUser);
      const { byId, scope, org } = await peopleOf(db, agency.id, users);
      const where = label([
        ['责任人', responsible],
        ['负责人', head],
        ['党政办', clerk],
      ]);
      const rectifiers = [clerkUser?.id ?? admin.id, resp?.id ?? null];
      for (const s of [
        { status: 'open' as const, rectifiedBy: null, sv: null },
        ...rectifiers
          .filter((x): x is number => x != null)
          .map((by) => ({ status: 'rectified' as const, rectifiedBy: by, sv: null })),
        { status: 'open' as const, rectifiedBy: null, sv: '2026-12-12' },
        { status: 'closed' as const, rectifiedBy: admin.id, sv: '2026-12-12' },
      ]) {
        const p = {
          id: nextId++,
          reference: `ZG${nextId}`,
          title: '栏目未更新',
          status: s.status,
          unitKind: 'office',
          unitId: office,
          unitName: '测试站所',
          responsibleUserId: resp?.id ?? null,
          rectifiedBy: s.rectifiedBy,
          deadline: '2026-12-20',
          supervisionAnswerBy: s.sv,
        };
        const items = problemWaiting(org, p);
        assert.ok(items.length > 0, `${where} · ${s.status}: waits on nothing`);
        cases += await assertEachCanAndIsTold(
          db,
          items,
          byId,
          (item, u) => {
            const a = userActor(u);
            if (item.kind === 'supervision.rectify')
              return supervisionPolicy.rectify(a, scope, {
                responsibleUserId: p.responsibleUserId,
                unitKind: p.unitKind,
                unitId: p.unitId,
              });
            if (item.kind === 'supervision.close_out')
              return (
                supervisionPolicy.inspect(a, scope) &&
                closeOutRefusal(
                  {
                    status: 'rectified',
                    rectifiedBy: p.rectifiedBy,
                    responsibleUserId: p.responsibleUserId,
                  },
                  u.id,
                ) == null
              );
            return supervisionPolicy.answerSupervision(a, scope);
          },
          `${where} · ${s.status}${s.sv ? ' · 督办' : ''}`,
        );
      }
    }
    tc.diagnostic(`${cases} cases enumerated`);
    assert.ok(cases >= 8 * 4, `only ${cases} cases enumerated`);
  });
});
