/**
 * Who may do what in 村级公开: pure, default-deny predicates over the actor, the township's scope and the item's
 * facts. A liaison and a 村务监督委员会 member act only for their own village (users.village_id); a 包村干部 reviews
 * the village he is assigned to, the 党政办 (clerk) any village of the township; an inspector above reads.
 */
import type { Actor } from '../context.ts';
import { hasRole, isInspectorAbove, isMember, type AgencyScope } from '../org/access.ts';
import { EDITABLE, type DisclosureStatus } from './village-disclosure.ts';

export interface DisclosureFacts {
  villageId: number;
  status: DisclosureStatus;
  createdBy: number;
  /** Users who signed an earlier step of this round (one person never signs two steps). */
  signerIds: readonly number[];
}

type UserActor = Extract<Actor, { kind: 'user' }>;
const isUser = (a: Actor): a is UserActor => a.kind === 'user';
const ofVillage = (a: Actor, villageId: number) => isUser(a) && a.villageId === villageId;
/** Township staff who oversee villages: the 党政办, leaders, and the village's own 包村干部. */
const TOWNSHIP_ROLES = ['clerk', 'admin', 'principal_leader', 'deputy_leader'] as const;

export const villagePolicy = {
  /** The township's village view (heatmap, overdue list, every village's items). */
  viewTownship(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    if (isInspectorAbove(actor, scope)) return true;
    return isMember(actor, scope) && hasRole(actor, ...TOWNSHIP_ROLES, 'village_cadre');
  },
  /** One village's back-office items (drafts included). */
  viewVillage(actor: Actor, scope: AgencyScope, villageId: number): boolean {
    if (villagePolicy.viewTownship(actor, scope)) return true;
    return (
      isMember(actor, scope) &&
      hasRole(actor, 'liaison', 'village_supervisor', 'village_cadre') &&
      ofVillage(actor, villageId)
    );
  },
  /** Start a disclosure, or a 四议两公开 record, for a village: its liaison. */
  draft(actor: Actor, scope: AgencyScope, villageId: number): boolean {
    return isMember(actor, scope) && hasRole(actor, 'liaison') && ofVillage(actor, villageId);
  },
  /** Change (and submit) a draft or a returned item: the village's liaison. */
  edit(actor: Actor, scope: AgencyScope, item: DisclosureFacts): boolean {
    return villagePolicy.draft(actor, scope, item.villageId) && EDITABLE.includes(item.status);
  },
  /** 村务监督委员会 opinion (第三十二条): a member of that village's committee, not the drafter. */
  supervise(actor: Actor, scope: AgencyScope, item: DisclosureFacts): boolean {
    if (!isMember(actor, scope) || !isUser(actor) || !hasRole(actor, 'village_supervisor')) return false;
    if (item.status !== 'supervision' || !ofVillage(actor, item.villageId)) return false;
    return actor.userId !== item.createdBy;
  },
  /** Township review: the village's 包村干部 or the 党政办, not someone who signed before in this round. */
  reviewTownship(actor: Actor, scope: AgencyScope, item: DisclosureFacts): boolean {
    if (!isMember(actor, scope) || !isUser(actor) || item.status !== 'township_review') return false;
    if (item.signerIds.includes(actor.userId) || actor.userId === item.createdBy) return false;
    if (hasRole(actor, 'clerk')) return true;
    return hasRole(actor, 'village_cadre') && ofVillage(actor, item.villageId);
  },
  /** Board photos and the 撤下 record of a published item: the village's liaison. */
  recordBoard(
    actor: Actor,
    scope: AgencyScope,
    item: Pick<DisclosureFacts, 'villageId' | 'status'>,
  ): boolean {
    return villagePolicy.draft(actor, scope, item.villageId) && item.status === 'published';
  },
  /** Print the board sheet: anyone who sees the village's items, once published. */
  printBoard(actor: Actor, scope: AgencyScope, item: Pick<DisclosureFacts, 'villageId' | 'status'>): boolean {
    return villagePolicy.viewVillage(actor, scope, item.villageId) && item.status === 'published';
  },
  /** Answer a villager's query or objection (第三十条: the committee answers): the village's liaison. */
  answerObjection(actor: Actor, scope: AgencyScope, villageId: number, status: string): boolean {
    return villagePolicy.draft(actor, scope, villageId) && status === 'open';
  },
  /** Record the township's investigation outcome of an escalated objection (第三十一条). */
  recordOutcome(actor: Actor, scope: AgencyScope, villageId: number, status: string): boolean {
    if (!isMember(actor, scope) || status !== 'escalated') return false;
    return hasRole(actor, 'clerk') || (hasRole(actor, 'village_cadre') && ofVillage(actor, villageId));
  },
  /** Define, version and push item templates; change the village settings. */
  manageTemplates(actor: Actor, scope: AgencyScope): boolean {
    if (actor.kind === 'system') return true;
    return isMember(actor, scope) && hasRole(actor, 'admin', 'clerk');
  },
} as const;
