/**
 * What the pages of the problem ledger show: the ledger with each problem's waiting state, and one problem with its
 * evidence, 回头看, 督办, history and the steps this actor may take now. Reading only; the steps are the use cases'.
 */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { assertCan } from '../errors.ts';
import { agencyScope } from '../org/org.queries.ts';
import type { AgencyScope } from '../org/access.ts';
import { supervisionPolicy, villageViewOf } from './supervision.policy.ts';
import {
  listProblems,
  loadProblem,
  pendingFollowUpCounts,
  waitingSupervisionIds,
  type LedgerQuery,
  type Problem,
} from './supervision.queries.ts';
import { isOverdue, waitingFor } from './problem.ts';
import { listEvidence, type Evidence } from './evidence.ts';
import { listFollowUps, type FollowUp } from './follow-up.ts';
import { listSupervisions, type Supervision } from './supervise-problem.ts';
import { SUPERVISION_AUDIT_LABELS } from './supervision-audit.ts';

export interface LedgerPage {
  agencyId: number;
  scope: AgencyScope;
  status: LedgerQuery['status'] | '';
  problems: Problem[];
  pending: Map<number, number>;
  waiting: Set<number>;
  canRecord: boolean;
  /** The ledger is narrowed to the problems of one village (a village-only user). */
  villageOnly: boolean;
}

/**
 * The ledger of an agency (read policy; outsiders get not found), filtered by a status of the list. A village-only
 * member of the agency gets the ledger narrowed to the problems that concern their village (readProblem).
 */
export async function ledgerPage(ctx: Ctx, agencyId: number, status: string): Promise<LedgerPage> {
  const scope = await agencyScope(ctx.db, agencyId);
  const view = supervisionPolicy.read(ctx.actor, scope) ? null : villageViewOf(ctx.actor, scope);
  assertCan(supervisionPolicy.read(ctx.actor, scope) || view != null, { hide: true });
  const filter = (status as LedgerQuery['status'] | '') || '';
  const problems = await listProblems(
    ctx.db,
    agencyId,
    { status: filter || undefined, concern: view ?? undefined },
    ctx.clock.today(),
  );
  const ids = problems.map((p) => p.id);
  const [pending, waiting] = await Promise.all([
    pendingFollowUpCounts(ctx.db, ids),
    waitingSupervisionIds(ctx.db, ids),
  ]);
  const canRecord = supervisionPolicy.inspect(ctx.actor, scope);
  return {
    agencyId,
    scope,
    status: filter,
    problems,
    pending,
    waiting,
    canRecord,
    villageOnly: view != null,
  };
}

export interface HistoryEntry {
  occurredAt: string;
  actorName: string | null;
  label: string;
  note: string | null;
}

/** The audit trail of one problem, in order, with each action in plain Chinese. */
export async function problemHistory(db: DbOrTrx, id: number): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['occurred_at', 'actor_name', 'action', 'note'])
    .where('object_type', '=', 'sv_problem')
    .where('object_id', '=', String(id))
    .orderBy('id')
    .execute();
  return rows.map((a) => ({
    occurredAt: a.occurred_at,
    actorName: a.actor_name,
    label: (SUPERVISION_AUDIT_LABELS as Record<string, string>)[a.action] ?? a.action,
    note: a.note,
  }));
}

export interface ProblemPage {
  problem: Problem;
  today: string;
  evidence: Evidence[];
  followUps: FollowUp[];
  supervisions: Supervision[];
  history: HistoryEntry[];
  pending: number;
  waiting: boolean;
  /** Who or what the problem waits for, in words. */
  waitingFor: string | null;
  /** The village the problem is about (所涉村), when it has one. */
  village: { id: number; name: string } | null;
  /** The reader reads it for their village but acts on nothing (another unit is responsible). */
  readOnlyForVillage: boolean;
  can: { rectify: boolean; inspect: boolean; close: boolean; supervise: boolean; answer: boolean };
}

/** One problem as its page shows it, with the steps the actor may take (read policy; outsiders get not found). */
export async function problemPage(ctx: Ctx, id: number): Promise<ProblemPage> {
  const { problem: p, scope } = await loadProblem(ctx.db, id);
  const actor = ctx.actor;
  assertCan(supervisionPolicy.readProblem(actor, scope, p), { hide: true });
  const today = ctx.clock.today();
  const [evidence, followUps, supervisions, history, village] = await Promise.all([
    listEvidence(ctx.db, id),
    listFollowUps(ctx.db, id),
    listSupervisions(ctx.db, id),
    problemHistory(ctx.db, id),
    p.villageId == null
      ? undefined
      : ctx.db.selectFrom('villages').select('name').where('id', '=', p.villageId).executeTakeFirst(),
  ]);
  const pending = followUps.filter((f) => f.status === 'scheduled').length;
  const waiting = supervisions.some((s) => s.status === 'waiting');
  const inspect = supervisionPolicy.inspect(actor, scope);
  const rectify = supervisionPolicy.rectify(actor, scope, p);
  return {
    problem: p,
    today,
    evidence,
    followUps,
    supervisions,
    history,
    pending,
    waiting,
    waitingFor: waitingFor({
      status: p.status,
      deadline: p.deadline,
      isRecurring: p.isRecurring,
      pendingFollowUps: pending,
      supervisionWaiting: waiting,
      responsibleName: p.responsibleName,
    }),
    village: village && p.villageId != null ? { id: p.villageId, name: village.name } : null,
    readOnlyForVillage: villageViewOf(actor, scope) != null && !rectify,
    can: {
      rectify: p.status === 'open' && rectify,
      inspect,
      // 销号 by a second person: neither the one who rectified nor the one responsible.
      close:
        p.status === 'rectified' &&
        inspect &&
        actor.kind === 'user' &&
        actor.userId !== p.rectifiedBy &&
        actor.userId !== p.responsibleUserId,
      supervise: isOverdue(p, today) && supervisionPolicy.superviseFromAbove(actor, scope),
      answer: supervisionPolicy.answerSupervision(actor, scope),
    },
  };
}
