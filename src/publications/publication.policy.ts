/**
 * Who may do what with 主动公开 items: pure, default-deny predicates over the actor, the agency scope and the
 * item's facts. Outsiders (other agencies) get "not found" from the use cases.
 */
import type { Actor } from '../context.ts';
import { canReadAgencyData, hasRole, isAgencyStaff, isMember, type AgencyScope } from '../org/access.ts';
import { orgPolicy } from '../org/org.policy.ts';
import type { ChainState, PublicationStatus, ReviewStep } from './publication.ts';

/** What a policy needs to know about an item. */
export interface PublicationFacts {
  status: PublicationStatus;
  createdBy: number;
  officeId: number | null;
  chain: Pick<ChainState, 'next' | 'signerIds'>;
  /**
   * Named persons the next step resolved to beyond its role (the office's substitute, the disclosure office's head
   * when the office has no head, a person an admin reassigned it to): src/publications/waiting.ts.
   */
  reviewerIds?: readonly number[];
  /** Named persons the publish step resolved to beyond the clerks (a person an admin reassigned it to). */
  publisherIds?: readonly number[];
}

export type ReviewAction = 'approve' | 'return';

const EDITABLE: PublicationStatus[] = ['draft', 'returned'];

export const publicationPolicy = {
  /** See the agency's items in the back office (drafts included). */
  view(actor: Actor, scope: AgencyScope): boolean {
    return canReadAgencyData(actor, scope);
  },
  /** Write a new draft (a village's own liaison publishes through 村级公开 instead). */
  create(actor: Actor, scope: AgencyScope): boolean {
    return isAgencyStaff(actor, scope) && hasRole(actor, 'drafter', 'clerk', 'liaison');
  },
  /** Change a draft (its drafter, or the disclosure office's clerk) while it is not under review. */
  edit(actor: Actor, scope: AgencyScope, item: PublicationFacts): boolean {
    if (!isMember(actor, scope) || actor.kind !== 'user') return false;
    if (!EDITABLE.includes(item.status)) return false;
    return item.createdBy === actor.userId || hasRole(actor, 'clerk');
  },
  /**
   * Sign (approve) or return one step of the chain. 承办人初审 is the drafter's own signed check of a draft or a
   * returned item (approve only); every later step is the next unsigned one, by its role, by someone who has
   * signed no other step of the item in this round; a 站办所负责人 reviews only his own office's items.
   */
  review(
    actor: Actor,
    scope: AgencyScope,
    item: PublicationFacts,
    step: ReviewStep,
    action: ReviewAction,
  ): boolean {
    if (!isMember(actor, scope) || actor.kind !== 'user') return false;
    if (step === 'first_review') {
      return action === 'approve' && EDITABLE.includes(item.status) && item.createdBy === actor.userId;
    }
    if (item.status !== 'in_review' || item.chain.next?.step !== step) return false;
    if (item.chain.signerIds.includes(actor.userId)) return false;
    if (item.reviewerIds?.includes(actor.userId)) return true;
    const role = item.chain.next.role;
    if (role === 'drafter') return item.createdBy === actor.userId;
    if (!hasRole(actor, role)) return false;
    if (role === 'office_head' && item.officeId != null && actor.officeId !== item.officeId) return false;
    return true;
  },
  /** Hand the waiting review step to a named person (the agency's admin; audited). */
  reassign(actor: Actor, scope: AgencyScope): boolean {
    return isMember(actor, scope) && hasRole(actor, 'admin');
  },
  /** Put an approved item on the portal (the disclosure office). */
  publish(
    actor: Actor,
    scope: AgencyScope,
    item: Pick<PublicationFacts, 'status'> & Pick<Partial<PublicationFacts>, 'publisherIds'>,
  ): boolean {
    if (!isMember(actor, scope) || item.status !== 'approved') return false;
    if (actor.kind === 'user' && item.publisherIds?.includes(actor.userId)) return true;
    return hasRole(actor, 'clerk');
  },
  /** Take a published item off the portal, or change its 有效性. */
  managePublished(actor: Actor, scope: AgencyScope, item: Pick<PublicationFacts, 'status'>): boolean {
    return isMember(actor, scope) && hasRole(actor, 'clerk') && item.status === 'published';
  },
  /** Record or produce a channel output (WeChat article, group message, notice-board sheet). */
  useChannel(actor: Actor, scope: AgencyScope, item: Pick<PublicationFacts, 'status'>): boolean {
    return (
      isAgencyStaff(actor, scope) &&
      hasRole(actor, 'clerk', 'drafter', 'liaison') &&
      item.status === 'published'
    );
  },
  /** Edit the catalogue (versioned). */
  manageCatalogue(actor: Actor, scope: AgencyScope): boolean {
    return orgPolicy.manage(actor, scope);
  },
  /** Edit the 信息公开指南 / 信息公开制度 pages. */
  managePages(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    return isMember(actor, scope) && hasRole(actor, 'admin', 'clerk');
  },
  /** Record art. 20 decisions and fees. */
  manageRegisters(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    return isMember(actor, scope) && hasRole(actor, 'admin', 'clerk');
  },
} as const;
