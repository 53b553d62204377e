/**
 * What a disclosure request waits for, and who can do it, by name (issue 10): confirmation (the clerks), the
 * handling (its handler, else the clerks), the review of a correction the applicant sent online, the approval of the
 * draft reply (the disclosure office's head, its substitute, else a leader), the approval of a requested extension
 * (the disclosure office's head or its substitute: 条例第三十三条第二款), delivery and archiving. Every open or
 * closable state yields at least one item; `test/no-dead-ends.db.test.ts` proves each resolves to someone who can act.
 */
import type { DbOrTrx } from '../db/database.ts';
import { orgSnapshot, resolveActing, type ActingPersons, type OrgSnapshot } from '../org/acting-persons.ts';
import type { WaitingItem } from '../notifications/waiting-item.ts';
import { STATE_LABELS, type InfoRequest } from './request.ts';
import { toRequest } from './requests.queries.ts';

/** Reassignable steps of a request (keys of work_assignments.step). */
export const REQUEST_STEPS = { approval: 'approval', extension: 'extension' } as const;

/** The handler if assigned and active, else the clerks (else the admins, who can reassign). */
function handlers(org: OrgSnapshot, r: InfoRequest): ActingPersons {
  if (r.handlerId != null && org.users.some((u) => u.id === r.handlerId))
    return { userIds: [r.handlerId], via: 'assigned' };
  return resolveActing(org, { role: 'clerk' });
}

/** Who approves the draft reply: the disclosure office's head (or substitute), else a leader. */
export function approversOf(org: OrgSnapshot, requestId: number): ActingPersons {
  const assignment = { objectType: 'info_request', objectId: requestId, step: REQUEST_STEPS.approval };
  const head = resolveActing(org, { role: 'office_head', officeId: null, assignment });
  if (head.via !== 'admin') return head;
  const deputy = resolveActing(org, { role: 'deputy_leader' });
  if (deputy.via !== 'admin') return deputy;
  return resolveActing(org, { role: 'principal_leader' });
}

/** Who approves an extension: the disclosure office's head or its substitute only (第三十三条第二款). */
export function extensionApproversOf(org: OrgSnapshot, requestId: number): ActingPersons {
  return resolveActing(org, {
    role: 'office_head',
    officeId: null,
    assignment: { objectType: 'info_request', objectId: requestId, step: REQUEST_STEPS.extension },
  });
}

export interface RequestWaitFacts {
  /** The applicant's latest note is an online correction nobody has answered yet. */
  correctionToReview: boolean;
}

/** The items a request waits on (pure over the snapshot). */
export function requestWaiting(org: OrgSnapshot, r: InfoRequest, facts: RequestWaitFacts): WaitingItem[] {
  const base = {
    objectType: 'info_request' as const,
    objectId: r.id,
    title: `申请${r.reference}`,
    link: `/office/requests/${r.id}`,
    dueOn: r.dueOn,
  };
  const items: WaitingItem[] = [];
  const s = r.status;
  if (s === 'pending_confirmation')
    items.push({
      ...base,
      kind: 'request.confirm',
      label: '待确认收到',
      step: null,
      detail: `${r.submittedOn}提交，须与申请人确认收到`,
      persons: resolveActing(org, { role: 'clerk' }),
      inbox: true,
    });
  else if (s === 'pending_approval')
    items.push({
      ...base,
      kind: 'request.approval',
      label: '答复待审批',
      step: REQUEST_STEPS.approval,
      detail: r.dueOn ? `答复期限${r.dueOn}` : null,
      persons: approversOf(org, r.id),
      inbox: true,
    });
  else if (s === 'replied')
    items.push({
      ...base,
      kind: 'request.delivery',
      label: '答复待送达',
      step: null,
      detail: '答复已审批出具，请登记送达',
      persons: handlers(org, r),
      inbox: true,
    });
  else if (s === 'delivered' || s === 'withdrawn' || s === 'abandoned')
    items.push({
      ...base,
      kind: 'request.archive',
      label: '待归档',
      step: null,
      detail: STATE_LABELS[s],
      persons: resolveActing(org, { role: 'clerk' }),
      inbox: false,
    });
  else if (s !== 'archived') {
    const review = s === 'accepted' && facts.correctionToReview;
    items.push({
      ...base,
      kind: review ? 'request.correction_review' : 'request.handle',
      label: review ? '补正材料待审核' : `办理中（${STATE_LABELS[s]}）`,
      step: null,
      detail: review ? '申请人已网上提交补正，请审核补正内容' : r.dueOn ? `答复期限${r.dueOn}` : null,
      persons: handlers(org, r),
      inbox: review,
    });
  }
  if (r.extensionRequestedAt && r.extensionDays == null && s !== 'archived')
    items.push({
      ...base,
      kind: 'request.extension_approval',
      label: '延期待批准',
      step: REQUEST_STEPS.extension,
      detail: `${r.extensionRequestedByName ?? '承办人'}申请延长${r.extensionRequestedDays}个工作日：${r.extensionRequestedReason ?? ''}`,
      persons: extensionApproversOf(org, r.id),
      inbox: true,
    });
  return items;
}

/** Ids of requests whose latest note is the applicant's online correction (a 补正 to review). */
export async function correctionsToReview(db: DbOrTrx, requestIds: number[]): Promise<Set<number>> {
  if (requestIds.length === 0) return new Set();
  const notes = await db
    .selectFrom('request_notes')
    .select(['request_id', 'kind', 'author_id'])
    .where('request_id', 'in', requestIds)
    .orderBy('id', 'desc')
    .execute();
  const seen = new Set<number>();
  const out = new Set<number>();
  for (const n of notes) {
    if (seen.has(n.request_id)) continue;
    seen.add(n.request_id);
    if (n.kind === 'correction' && n.author_id == null) out.add(n.request_id);
  }
  return out;
}

/** The items of one request, read from the database. */
export async function waitingOfRequest(db: DbOrTrx, r: InfoRequest): Promise<WaitingItem[]> {
  const [org, review] = await Promise.all([orgSnapshot(db, r.agencyId), correctionsToReview(db, [r.id])]);
  return requestWaiting(org, r, { correctionToReview: review.has(r.id) });
}

/** Every waiting item of an agency's requests (the inbox filters them by person). */
export async function listRequestWaiting(db: DbOrTrx, agencyId: number): Promise<WaitingItem[]> {
  const rows = await db
    .selectFrom('info_requests')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('status', '!=', 'archived')
    .execute();
  const requests = rows.map(toRequest);
  const [org, review] = await Promise.all([
    orgSnapshot(db, agencyId),
    correctionsToReview(
      db,
      requests.filter((r) => r.status === 'accepted').map((r) => r.id),
    ),
  ]);
  return requests.flatMap((r) => requestWaiting(org, r, { correctionToReview: review.has(r.id) }));
}
