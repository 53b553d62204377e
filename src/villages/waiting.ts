/**
 * What a village item waits for, and on whom by name (issue 10, the 待我处理 inbox): a returned item on the village's
 * liaison (the reason in view), an item 待村务监督委员会审核 on the committee members of that village other than its
 * drafter (第三十二条), an item 待乡镇审核 on the village's 包村干部 and the 党政办 (never someone who signed this round),
 * a villager's open objection on the liaison (第三十条: the committee answers) and an escalated one on the township
 * (第三十一条). The same persons as `whoActs` (src/villages/notify.ts), which refuses a move into a state with nobody.
 */
import type { DbOrTrx } from '../db/database.ts';
import { holdersOf, orgSnapshot, type OrgSnapshot } from '../org/acting-persons.ts';
import type { WaitingItem } from '../notifications/waiting-item.ts';
import { itemLink } from './disclosure-context.ts';
import type { DisclosureStatus } from './village-disclosure.ts';

/** The facts of a disclosure the waiting list needs. */
export interface WaitingDisclosure {
  id: number;
  villageId: number;
  villageName: string;
  title: string;
  status: DisclosureStatus;
  createdBy: number;
  dueOn: string | null;
  /** Signers of a step of the current round. */
  signerIds: readonly number[];
  /** The reason of the latest return (修改 or 乡镇退回), shown with a returned item. */
  returnReason: string | null;
}

/** The facts of an objection the waiting list needs. */
export interface WaitingObjection {
  id: number;
  disclosureId: number;
  villageId: number;
  villageName: string;
  title: string;
  status: 'open' | 'escalated';
  answerDueOn: string;
}

const person = (ids: number[]) => ({ userIds: ids, via: 'role' as const });

/** The items a disclosure waits on (pure over the snapshot). */
export function disclosureWaiting(org: OrgSnapshot, d: WaitingDisclosure): WaitingItem[] {
  const base = {
    objectType: 'village_disclosure',
    objectId: d.id,
    title: `${d.villageName}·${d.title}`,
    link: itemLink(d.id),
    dueOn: d.dueOn,
    step: null,
  };
  const liaisons = holdersOf(org, ['liaison'], { villageId: d.villageId });
  switch (d.status) {
    case 'draft':
      return [
        {
          ...base,
          kind: 'village.draft',
          label: '村级公开草稿待提交',
          detail: null,
          persons: person(liaisons),
          inbox: false,
        },
      ];
    case 'returned':
      return [
        {
          ...base,
          kind: 'village.returned',
          label: '村级公开被退回',
          detail: d.returnReason ? `退回理由：${d.returnReason}` : null,
          persons: person(liaisons),
          inbox: true,
        },
      ];
    case 'supervision':
      return [
        {
          ...base,
          kind: 'village.supervision',
          label: '待村务监督委员会审核',
          detail: '村务监督委员会成员签署意见（村民委员会组织法第三十二条）',
          persons: person(
            holdersOf(org, ['village_supervisor'], { villageId: d.villageId, exclude: [d.createdBy] }),
          ),
          inbox: true,
        },
      ];
    case 'township_review':
      return [
        {
          ...base,
          kind: 'village.township_review',
          label: '村级公开待乡镇审核',
          detail: null,
          persons: person(townshipReviewers(org, d.villageId, [...d.signerIds, d.createdBy])),
          inbox: true,
        },
      ];
    case 'published':
      return [];
  }
}

/** The village's 包村干部 and the 党政办 (clerks), less those excluded. */
function townshipReviewers(org: OrgSnapshot, villageId: number, exclude: readonly number[]): number[] {
  return [
    ...new Set([
      ...holdersOf(org, ['village_cadre'], { villageId, exclude }),
      ...holdersOf(org, ['clerk'], { exclude }),
    ]),
  ];
}

/** The item an objection waits on (pure over the snapshot). */
export function objectionWaiting(org: OrgSnapshot, o: WaitingObjection): WaitingItem {
  const base = {
    objectType: 'village_objection',
    objectId: o.id,
    title: `${o.villageName}·${o.title}`,
    link: itemLink(o.disclosureId),
    step: null,
    inbox: true,
  };
  return o.status === 'open'
    ? {
        ...base,
        kind: 'village.objection',
        label: '村民异议待答复',
        detail: `须于${o.answerDueOn}前答复`,
        dueOn: o.answerDueOn,
        persons: person(holdersOf(org, ['liaison'], { villageId: o.villageId })),
      }
    : {
        ...base,
        kind: 'village.objection_escalated',
        label: '村民异议已转乡镇，待调查处理',
        detail: '逾期未答复，已转乡镇（村民委员会组织法第三十一条）',
        dueOn: null,
        persons: person(townshipReviewers(org, o.villageId, [])),
      };
}

/** Every waiting item of a township's village disclosures and objections. */
export async function listVillageWaiting(db: DbOrTrx, agencyId: number): Promise<WaitingItem[]> {
  const [rows, objections] = await Promise.all([
    db
      .selectFrom('village_disclosures as d')
      .innerJoin('villages as v', 'v.id', 'd.village_id')
      .select([
        'd.id',
        'd.village_id',
        'v.name as village_name',
        'd.title',
        'd.status',
        'd.created_by',
        'd.due_on',
        'd.round',
      ])
      .where('d.agency_id', '=', agencyId)
      .where('d.status', '!=', 'published')
      .execute(),
    db
      .selectFrom('village_objections as o')
      .innerJoin('village_disclosures as d', 'd.id', 'o.disclosure_id')
      .innerJoin('villages as v', 'v.id', 'o.village_id')
      .select([
        'o.id',
        'o.disclosure_id',
        'o.village_id',
        'v.name as village_name',
        'd.title',
        'o.status',
        'o.answer_due_on',
      ])
      .where('o.agency_id', '=', agencyId)
      .where('o.status', 'in', ['open', 'escalated'])
      .execute(),
  ]);
  if (rows.length === 0 && objections.length === 0) return [];
  const steps = rows.length
    ? await db
        .selectFrom('village_disclosure_steps')
        .select(['disclosure_id', 'round', 'step', 'action', 'reason', 'user_id'])
        .where(
          'disclosure_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('id')
        .execute()
    : [];
  const org = await orgSnapshot(db, agencyId);
  const items: WaitingItem[] = [];
  for (const r of rows) {
    const mine = steps.filter((s) => s.disclosure_id === r.id);
    const returns = mine.filter((s) => s.action === 'return' || s.action === 'revise');
    items.push(
      ...disclosureWaiting(org, {
        id: r.id,
        villageId: r.village_id,
        villageName: r.village_name,
        title: r.title,
        status: r.status as DisclosureStatus,
        createdBy: r.created_by,
        dueOn: r.due_on,
        signerIds: mine
          .filter((s) => s.round === r.round && (s.step === 'supervision' || s.step === 'township'))
          .map((s) => s.user_id)
          .filter((x): x is number => x != null),
        returnReason: returns.length ? returns[returns.length - 1]!.reason : null,
      }),
    );
  }
  for (const o of objections)
    items.push(
      objectionWaiting(org, {
        id: o.id,
        disclosureId: o.disclosure_id,
        villageId: o.village_id,
        villageName: o.village_name,
        title: o.title,
        status: o.status as 'open' | 'escalated',
        answerDueOn: o.answer_due_on,
      }),
    );
  return items;
}
