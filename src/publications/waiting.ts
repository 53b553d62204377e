/**
 * What a 主动公开 item waits for, and who can do it, by name (issue 10): a draft or a returned item waits on its
 * drafter (the reason of the return in view), an item in review on the persons its next step resolves to — the
 * step's office head, else the office's substitute, else the disclosure office's head (src/org/acting-persons.ts),
 * never the signers of an earlier step — and an approved item on the disclosure office's clerks, who publish it.
 */
import type { DbOrTrx } from '../db/database.ts';
import { orgSnapshot, resolveActing, type ActingPersons, type OrgSnapshot } from '../org/acting-persons.ts';
import type { WaitingItem } from '../notifications/waiting-item.ts';
import { chainState, STEP_LABELS, type ChainState, type ReviewRecord } from './publication.ts';
import {
  getPublication,
  listReviews,
  reviewChainOf,
  toPublication,
  toReviewRecord,
  type Publication,
} from './publications.queries.ts';

/** The work_assignments step key of a review step in a round (a new round is a new step to reassign). */
export const reviewStepKey = (step: string, round: number) => `${step}:${round}`;

/** The persons the next step of the chain resolves to (null when nothing is being reviewed). */
export function reviewersOf(org: OrgSnapshot, p: Publication, chain: ChainState): ActingPersons | null {
  const next = chain.next;
  if (p.status !== 'in_review' || !next) return null;
  const assignment = {
    objectType: 'publication',
    objectId: p.id,
    step: reviewStepKey(next.step, p.reviewRound),
  };
  if (next.role === 'drafter') {
    const a = resolveActing(org, { role: 'clerk', assignment });
    return a.via === 'assigned' || !org.users.some((u) => u.id === p.createdBy)
      ? a
      : { userIds: [p.createdBy], via: 'role' };
  }
  return resolveActing(org, {
    role: next.role,
    officeId: next.role === 'office_head' ? p.officeId : undefined,
    exclude: chain.signerIds,
    assignment,
  });
}

/** Who publishes an approved item: the person an admin reassigned the publish step to, else the clerks. */
export function publishersOf(org: OrgSnapshot, p: Publication): ActingPersons {
  return resolveActing(org, {
    role: 'clerk',
    assignment: { objectType: 'publication', objectId: p.id, step: reviewStepKey('publish', p.reviewRound) },
  });
}

/** The drafter if still active, else the clerks (who may edit any draft). */
function drafterOf(org: OrgSnapshot, p: Publication): ActingPersons {
  return org.users.some((u) => u.id === p.createdBy)
    ? { userIds: [p.createdBy], via: 'role' }
    : resolveActing(org, { role: 'clerk' });
}

/** The items a publication waits on (pure over the snapshot and its chain). */
export function publicationWaiting(
  org: OrgSnapshot,
  p: Publication,
  chain: ChainState,
  lastReturn: ReviewRecord | null,
): WaitingItem[] {
  const base = {
    objectType: 'publication' as const,
    objectId: p.id,
    title: p.title,
    link: `/office/publications/${p.id}`,
    dueOn: p.dueOn,
  };
  if (p.status === 'draft')
    return [
      {
        ...base,
        kind: 'publication.draft',
        label: '草稿待提交',
        step: null,
        detail: null,
        persons: drafterOf(org, p),
        inbox: false,
      },
    ];
  if (p.status === 'returned')
    return [
      {
        ...base,
        kind: 'publication.returned',
        label: '稿件被退回',
        step: null,
        detail: lastReturn
          ? `${lastReturn.userName}在“${STEP_LABELS[lastReturn.step]}”退回：${lastReturn.reason ?? ''}`
          : null,
        persons: drafterOf(org, p),
        inbox: true,
      },
    ];
  if (p.status === 'in_review' && chain.next) {
    const persons = reviewersOf(org, p, chain)!;
    return [
      {
        ...base,
        kind: 'publication.review',
        label: `待审核（${STEP_LABELS[chain.next.step]}）`,
        step: reviewStepKey(chain.next.step, p.reviewRound),
        detail: `${p.createdByName}起草，须于${p.dueOn}前公开`,
        persons,
        inbox: true,
      },
    ];
  }
  if (p.status === 'approved')
    return [
      {
        ...base,
        kind: 'publication.publish',
        label: '审核通过待发布',
        step: reviewStepKey('publish', p.reviewRound),
        detail: `须于${p.dueOn}前公开`,
        persons: publishersOf(org, p),
        inbox: true,
      },
    ];
  return [];
}

/** The latest return of the current round's predecessor (the reason a returned item shows). */
export function lastReturnOf(reviews: readonly ReviewRecord[]): ReviewRecord | null {
  const returns = reviews.filter((r) => r.action === 'return');
  return returns.length ? returns[returns.length - 1]! : null;
}

/** The items of one publication, read from the database. */
export async function waitingOfPublication(db: DbOrTrx, id: number): Promise<WaitingItem[]> {
  const p = await getPublication(db, id);
  const [org, config, reviews] = await Promise.all([
    orgSnapshot(db, p.agencyId),
    reviewChainOf(db, p.agencyId),
    listReviews(db, id),
  ]);
  const chain = chainState(config, p.isMajor, p.reviewRound, reviews);
  return publicationWaiting(org, p, chain, lastReturnOf(reviews));
}

/** Every waiting item of an agency's publications (the inbox filters them by person). */
export async function listPublicationWaiting(db: DbOrTrx, agencyId: number): Promise<WaitingItem[]> {
  const rows = await db
    .selectFrom('publications')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('status', 'in', ['draft', 'returned', 'in_review', 'approved'])
    .execute();
  if (rows.length === 0) return [];
  const items = rows.map(toPublication);
  const [org, config, reviewRows] = await Promise.all([
    orgSnapshot(db, agencyId),
    reviewChainOf(db, agencyId),
    db
      .selectFrom('publication_reviews')
      .selectAll()
      .where(
        'publication_id',
        'in',
        items.map((p) => p.id),
      )
      .orderBy('id')
      .execute(),
  ]);
  const byItem = new Map<number, ReviewRecord[]>();
  for (const r of reviewRows) {
    const id = Number(r.publication_id);
    byItem.set(id, [...(byItem.get(id) ?? []), toReviewRecord(r)]);
  }
  return items.flatMap((p) => {
    const reviews = byItem.get(p.id) ?? [];
    return publicationWaiting(
      org,
      p,
      chainState(config, p.isMajor, p.reviewRound, reviews),
      lastReturnOf(reviews),
    );
  });
}
