/**
 * Who may do what with a citizen's message: pure, default-deny predicates over the actor and the message's scope.
 * The disclosure office's clerks (an agency without one: its admins) run the ledger (routing, screening, moderation, referral, conversion); the
 * responsible office drafts the answer and its head approves it (or a leader, when the office has no head); an
 * office receiving a transfer accepts it through its head. Inspectors above read.
 */
import type { Actor } from '../context.ts';
import { hasRole, isInspectorAbove, isMember, type AgencyScope } from '../org/access.ts';

/** The agency plus who does the clerk's work (clerkWorkers: the clerks, else the admins of an agency without one). */
export interface InquiryAgencyScope extends AgencyScope {
  clerkIds?: readonly number[];
}

export interface InquiryScope extends InquiryAgencyScope {
  /** The responsible office (null before routing). */
  officeId: number | null;
  /** The office a pending transfer goes to. */
  transferToOfficeId?: number | null;
  /** The persons the approval resolved to (headsOf: the office's head, else a leader, else the clerks). */
  approverIds?: readonly number[];
  /** The persons a pending transfer's acceptance resolved to (headsOf the receiving office). */
  transferApproverIds?: readonly number[];
}

const named = (actor: Actor, ids: readonly number[] | undefined) =>
  actor.kind === 'user' && (ids ?? []).includes(actor.userId);

const READERS = [
  'admin',
  'clerk',
  'drafter',
  'office_head',
  'deputy_leader',
  'principal_leader',
  'auditor',
] as const;

/** A clerk, or an admin standing in for the clerks of an agency that has none (no dead end, issue 10). */
const clerkWork = (actor: Actor, scope: InquiryAgencyScope) =>
  isMember(actor, scope) && (hasRole(actor, 'clerk') || named(actor, scope.clerkIds));

const inOffice = (actor: Actor, officeId: number | null | undefined) =>
  actor.kind === 'user' && officeId != null && actor.officeId === officeId;

export const inquiryPolicy = {
  /** See the ledger and the message (contact details included: staff only). */
  view(actor: Actor, scope: InquiryScope): boolean {
    if (actor.kind === 'system') return true;
    if (isInspectorAbove(actor, scope)) return true;
    return isMember(actor, scope) && hasRole(actor, ...READERS);
  },
  /** Route, screen, merge, refer, convert, reject, moderate and publish; curate the FAQ; run 意见征集. */
  manage(actor: Actor, scope: InquiryAgencyScope): boolean {
    if (actor.kind === 'system') return true;
    return clerkWork(actor, scope);
  },
  /** Work on the answer: draft, extend once, ask another office to take it over. */
  handle(actor: Actor, scope: InquiryScope): boolean {
    if (actor.kind === 'system') return true;
    if (!isMember(actor, scope)) return false;
    if (clerkWork(actor, scope)) return true;
    return inOffice(actor, scope.officeId) && hasRole(actor, 'drafter', 'office_head');
  },
  /** Approve or return the drafted answer: the responsible office's head, or a leader. */
  approve(actor: Actor, scope: InquiryScope): boolean {
    if (actor.kind === 'system') return true;
    if (!isMember(actor, scope)) return false;
    if (hasRole(actor, 'deputy_leader', 'principal_leader')) return true;
    // No head and no leader: the clerks it fell to (no dead end, issue 10).
    if (named(actor, scope.approverIds)) return true;
    return inOffice(actor, scope.officeId) && hasRole(actor, 'office_head');
  },
  /** Accept or decline a transfer (首问负责: only the receiving office can take the message over). */
  acceptTransfer(actor: Actor, scope: InquiryScope): boolean {
    if (actor.kind === 'system') return true;
    if (!isMember(actor, scope)) return false;
    if (hasRole(actor, 'deputy_leader', 'principal_leader')) return true;
    if (named(actor, scope.transferApproverIds)) return true;
    return inOffice(actor, scope.transferToOfficeId) && hasRole(actor, 'office_head');
  },
  /** Edit routing rules, reply periods and the word lists. */
  manageSettings(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    return isMember(actor, scope) && hasRole(actor, 'admin', 'clerk');
  },
} as const;

export type InquiryPolicyAction = keyof typeof inquiryPolicy;
