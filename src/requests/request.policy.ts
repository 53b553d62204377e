/**
 * Who may do what with a disclosure request: pure, default-deny predicates over the actor and the request's
 * scope. Staff of the agency work on its requests; an inspector above reads; everybody else gets "not found".
 */
import type { Actor } from '../context.ts';
import { hasRole, isInspectorAbove, isMember, type AgencyScope } from '../org/access.ts';

/** The agency tree of a request plus what its approvals depend on. */
export interface RequestScope extends AgencyScope {
  /** agencies.disclosure_office_id: its office_head approves extensions (条例第三十三条第二款). */
  disclosureOfficeId: number | null;
  /** The assigned handler, who may work on the request without the clerk role. */
  handlerId?: number | null;
  /**
   * Named persons the approval / the extension approval resolved to beyond the rule (the disclosure office's
   * substitute, a person an admin reassigned it to): src/requests/waiting.ts. Absent: the rule alone.
   */
  approverIds?: readonly number[];
  extensionApproverIds?: readonly number[];
  /** Who does the clerk's work (clerkWorkers: the clerks, else the admins of an agency without a clerk). */
  clerkIds?: readonly number[];
}

const named = (actor: Actor, ids: readonly number[] | undefined) =>
  actor.kind === 'user' && ids != null && ids.includes(actor.userId);

const READERS = [
  'admin',
  'clerk',
  'drafter',
  'office_head',
  'deputy_leader',
  'principal_leader',
  'auditor',
] as const;

const member = (actor: Actor, scope: RequestScope) => actor.kind === 'system' || isMember(actor, scope);

/** A clerk, or the admin standing in for the clerks of an agency that has none (no dead end, issue 10). */
const clerkWork = (actor: Actor, scope: RequestScope) =>
  hasRole(actor, 'clerk') || (isMember(actor, scope) && named(actor, scope.clerkIds));

/** The head of the agency's disclosure office (政府信息公开工作机构负责人). */
function isDisclosureHead(actor: Actor, scope: RequestScope): boolean {
  return (
    actor.kind === 'user' &&
    isMember(actor, scope) &&
    actor.roles.includes('office_head') &&
    scope.disclosureOfficeId != null &&
    actor.officeId === scope.disclosureOfficeId
  );
}

export const requestPolicy = {
  /** See the request, its ledger, its letters. */
  view(actor: Actor, scope: RequestScope): boolean {
    if (actor.kind === 'system') return true;
    if (isInspectorAbove(actor, scope)) return true;
    return isMember(actor, scope) && hasRole(actor, ...READERS);
  },
  /** Register a request from any channel, confirm online requests. */
  register(actor: Actor, scope: RequestScope): boolean {
    return member(actor, scope) && (actor.kind === 'system' || clerkWork(actor, scope));
  },
  /** Work on a request: notes, attachments, 补正, consultation, fees, draft decision, delivery, archive. */
  handle(actor: Actor, scope: RequestScope): boolean {
    if (actor.kind === 'system') return true;
    if (!isMember(actor, scope)) return false;
    if (clerkWork(actor, scope)) return true;
    return actor.kind === 'user' && scope.handlerId != null && actor.userId === scope.handlerId;
  },
  /** Assign the handler and office. */
  assign(actor: Actor, scope: RequestScope): boolean {
    return (
      member(actor, scope) &&
      (actor.kind === 'system' || hasRole(actor, 'office_head') || clerkWork(actor, scope))
    );
  },
  /** Approve the draft reply (internal review): the disclosure office's head or a leader. */
  approve(actor: Actor, scope: RequestScope): boolean {
    if (actor.kind === 'system') return true;
    if (!isMember(actor, scope)) return false;
    return (
      isDisclosureHead(actor, scope) ||
      hasRole(actor, 'deputy_leader', 'principal_leader') ||
      named(actor, scope.approverIds)
    );
  },
  /** Approve an extension: only the head of the disclosure office (条例第三十三条第二款). */
  extend(actor: Actor, scope: RequestScope): boolean {
    if (actor.kind === 'system') return true;
    return (
      isDisclosureHead(actor, scope) || (isMember(actor, scope) && named(actor, scope.extensionApproverIds))
    );
  },
  /** Ask the office head for an extension (the clerk or the handler). */
  requestExtension(actor: Actor, scope: RequestScope): boolean {
    return requestPolicy.handle(actor, scope);
  },
  /** Hand a waiting step (approval, extension approval) to a named person: the agency's admin. */
  reassign(actor: Actor, scope: RequestScope): boolean {
    return actor.kind === 'system' || (isMember(actor, scope) && hasRole(actor, 'admin'));
  },
  /** Waive or reduce the 信息处理费 (a reasoned decision, disclosure-rules.md §5.6). */
  waiveFee(actor: Actor, scope: RequestScope): boolean {
    return requestPolicy.approve(actor, scope);
  },
  /** Record and update 复议 / 诉讼 cases. */
  manageAppeals(actor: Actor, scope: RequestScope): boolean {
    return member(actor, scope) && (actor.kind === 'system' || hasRole(actor, 'clerk', 'admin'));
  },
  /** Edit the agency's request settings and letter templates. */
  manageSettings(actor: Actor, scope: RequestScope): boolean {
    return member(actor, scope) && (actor.kind === 'system' || hasRole(actor, 'admin'));
  },
} as const;

export type RequestPolicyAction = keyof typeof requestPolicy;
