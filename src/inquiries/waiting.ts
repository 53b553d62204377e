/**
 * What a citizen's message (互动交流) waits for, and on whom by name (issue 10, the 待我处理 inbox): 待分办 on the
 * clerks, 办理中 on the responsible office's drafters and head (the clerks when the office has nobody), 答复待审核 on
 * the office's head (a leader when it has none, the clerks when there is no leader either), and a pending transfer
 * on the receiving office's head. The same rules as clerksOf / handlersOf / headsOf (inquiries.queries.ts), pure
 * over the organisation snapshot.
 */
import type { DbOrTrx } from '../db/database.ts';
import { holdersOf, orgSnapshot, type OrgSnapshot } from '../org/acting-persons.ts';
import type { WaitingItem } from '../notifications/waiting-item.ts';
import { officeLink } from './inquiries.queries.ts';
import { KIND_LABELS, type InquiryKind, type InquiryState } from './inquiry.ts';

/** The facts of a message the waiting list needs. */
export interface WaitingInquiry {
  id: number;
  reference: string;
  kind: InquiryKind;
  topic: string | null;
  status: InquiryState;
  officeId: number | null;
  dueOn: string | null;
  returnedReason: string | null;
  draftByName: string | null;
  /** The office a pending transfer goes to. */
  transferToOfficeId: number | null;
  transferReason: string | null;
}

const clerks = (org: OrgSnapshot) => {
  const c = holdersOf(org, ['clerk']);
  return c.length ? c : holdersOf(org, ['admin']);
};
const handlers = (org: OrgSnapshot, officeId: number | null) => {
  const staff = officeId == null ? [] : holdersOf(org, ['drafter', 'office_head'], { officeId });
  return staff.length ? staff : clerks(org);
};
/** The head of the office; else the deputies, else the principal leader; else the clerks. */
export function inquiryApprovers(org: OrgSnapshot, officeId: number | null): number[] {
  const heads = officeId == null ? [] : holdersOf(org, ['office_head'], { officeId });
  if (heads.length) return heads;
  const deputies = holdersOf(org, ['deputy_leader']);
  if (deputies.length) return deputies;
  const principal = holdersOf(org, ['principal_leader']);
  return principal.length ? principal : clerks(org);
}

const role = (ids: number[]) => ({ userIds: ids, via: 'role' as const });

/** The items a message waits on (pure over the snapshot). */
export function inquiryWaiting(org: OrgSnapshot, q: WaitingInquiry): WaitingItem[] {
  const base = {
    objectType: 'inquiry',
    objectId: q.id,
    title: `${KIND_LABELS[q.kind]}${q.reference}${q.topic ? `·${q.topic}` : ''}`,
    link: officeLink(q.id),
    dueOn: q.dueOn,
    step: null,
    inbox: true,
  };
  const items: WaitingItem[] = [];
  if (q.status === 'pending_routing')
    items.push({
      ...base,
      kind: 'inquiry.routing',
      label: '留言待分办',
      detail: null,
      persons: role(clerks(org)),
    });
  if (q.status === 'in_progress')
    items.push({
      ...base,
      kind: 'inquiry.reply',
      label: q.returnedReason ? '留言答复被退回' : '留言待答复',
      detail: q.returnedReason ? `退回理由：${q.returnedReason}` : q.dueOn ? `须于${q.dueOn}前答复` : null,
      persons: role(handlers(org, q.officeId)),
    });
  if (q.status === 'pending_approval')
    items.push({
      ...base,
      kind: 'inquiry.approval',
      label: '留言答复待审核',
      detail: q.draftByName ? `${q.draftByName}拟写答复` : null,
      persons: role(inquiryApprovers(org, q.officeId)),
    });
  if (q.transferToOfficeId != null && (q.status === 'in_progress' || q.status === 'pending_routing'))
    items.push({
      ...base,
      kind: 'inquiry.transfer',
      label: '留言转交待接收',
      detail: q.transferReason ? `转交理由：${q.transferReason}` : null,
      persons: role(inquiryApprovers(org, q.transferToOfficeId)),
    });
  return items;
}

/** Every waiting item of an agency's open messages. */
export async function listInquiryWaiting(db: DbOrTrx, agencyId: number): Promise<WaitingItem[]> {
  const rows = await db
    .selectFrom('inquiries')
    .select([
      'id',
      'reference',
      'kind',
      'topic',
      'status',
      'office_id',
      'due_on',
      'returned_reason',
      'draft_by_name',
    ])
    .where('agency_id', '=', agencyId)
    .where('status', 'in', ['pending_routing', 'in_progress', 'pending_approval'])
    .execute();
  if (rows.length === 0) return [];
  const [org, transfers] = await Promise.all([
    orgSnapshot(db, agencyId),
    db
      .selectFrom('inquiry_transfers')
      .select(['inquiry_id', 'to_office_id', 'reason'])
      .where(
        'inquiry_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('status', '=', 'pending')
      .execute(),
  ]);
  return rows.flatMap((r) => {
    const t = transfers.find((x) => x.inquiry_id === r.id);
    return inquiryWaiting(org, {
      id: r.id,
      reference: r.reference,
      kind: r.kind as InquiryKind,
      topic: r.topic,
      status: r.status as InquiryState,
      officeId: r.office_id,
      dueOn: r.due_on,
      returnedReason: r.returned_reason,
      draftByName: r.draft_by_name,
      transferToOfficeId: t?.to_office_id ?? null,
      transferReason: t?.reason ?? null,
    });
  });
}
