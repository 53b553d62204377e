/**
 * The supervision problems a village is concerned by (所涉村, sv_problems.village_id): those its own people rectify
 * and those a township unit must fix about it — found by an inspection of the village, or about one of its
 * disclosure items (the 党政办 must finish the township review of the village's 财务公开). 村民委员会组织法第三十二条:
 * the village's 村务监督委员会 supervises its 村务公开, so it and the liaison see what was found and see it fixed; they
 * act only on what their village is responsible for (supervisionPolicy.rectify).
 */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';
import { fixedStatement, runFixed } from '../db/fixed-statement.ts';
import type { AgencyScope } from '../org/access.ts';
import { supervisionPolicy } from './supervision.policy.ts';
import { notify, problemLink, toProblem, type Problem } from './supervision.queries.ts';
import { FOLLOW_UP_STATUS_LABELS } from './problem.ts';

/** The village accounts told about a problem concerning their village: its liaison, 监委会 and 包村干部. */
const VILLAGE_NOTICE_ROLES = ['liaison', 'village_supervisor', 'village_cadre'];

export interface VillageProblem {
  problem: Problem;
  /** 回头看 still scheduled after 销号. */
  pendingFollowUps: number;
  /** The 回头看 state in words ('' before 销号). */
  followUpText: string;
  /** A county 督办 waits for the township's answer. */
  supervisionWaiting: boolean;
  /** The reader may rectify it (their village is responsible), else they only read it. */
  canRectify: boolean;
}

const villageProblemsStatement = fixedStatement(['agencyId', 'villageId', 'limit'], (db, p) =>
  db
    .selectFrom('sv_problems')
    .selectAll()
    // Every problem a village is responsible for has it as village_id too (insertProblem; the migration filled the
    // old rows): one indexed condition (sv_problems_village_idx).
    .where('agency_id', '=', p.agencyId)
    .where('village_id', '=', p.villageId)
    .orderBy('id', 'desc')
    .limit(p.limit),
);

/**
 * The problems of the agency that concern one village, newest first, each as far as the actor may read it
 * (readProblem: the township's staff and inspectors above read all, the village's own people those of their village).
 */
export async function villageProblems(
  ctx: Ctx,
  scope: AgencyScope,
  villageId: number,
  limit = 100,
): Promise<VillageProblem[]> {
  const rows = await runFixed(
    ctx.db,
    villageProblemsStatement(ctx.db, { agencyId: scope.agencyId, villageId, limit }),
  );
  const problems = rows.map(toProblem).filter((p) => supervisionPolicy.readProblem(ctx.actor, scope, p));
  if (!problems.length) return [];
  const ids = problems.map((p) => p.id);
  const [followUps, waiting] = await Promise.all([
    ctx.db
      .selectFrom('sv_follow_ups')
      .select(['problem_id', 'due_on', 'status'])
      .where('problem_id', 'in', ids)
      .orderBy('due_on')
      .execute(),
    ctx.db
      .selectFrom('sv_supervisions')
      .select('problem_id')
      .where('problem_id', 'in', ids)
      .where('status', '=', 'waiting')
      .execute(),
  ]);
  const waitingIds = new Set(waiting.map((w) => toNumber(w.problem_id)));
  return problems.map((p) => {
    const mine = followUps.filter((f) => toNumber(f.problem_id) === p.id && f.status !== 'cancelled');
    const next = mine.find((f) => f.status === 'scheduled');
    const done = mine.filter((f) => f.status !== 'scheduled');
    const last = done[done.length - 1];
    const followUpText = next
      ? `${next.due_on}待回头看`
      : last
        ? `${last.due_on}${FOLLOW_UP_STATUS_LABELS[last.status] ?? ''}`
        : '';
    return {
      problem: p,
      pendingFollowUps: mine.filter((f) => f.status === 'scheduled').length,
      followUpText,
      supervisionWaiting: waitingIds.has(p.id),
      canRectify: p.status === 'open' && supervisionPolicy.rectify(ctx.actor, scope, p),
    };
  });
}

/** The village accounts of a village (active users of the agency assigned to it, in VILLAGE_NOTICE_ROLES). */
export async function villageAccountIds(db: DbOrTrx, agencyId: number, villageId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('users')
    .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
    .select('users.id')
    .where('users.agency_id', '=', agencyId)
    .where('users.village_id', '=', villageId)
    .where('users.is_active', '=', 1)
    .where('user_roles.role', 'in', VILLAGE_NOTICE_ROLES)
    .execute();
  return [...new Set(rows.map((r) => toNumber(r.id)))];
}

/**
 * Tell the village a problem about it that another unit must fix was opened or closed (销号), inside the caller's
 * transaction, through the shared notification writer; `already` (the rectifiers, told by the step itself) are left
 * out. A problem its own village is responsible for reaches its liaison as a rectifier: nothing more here.
 */
export async function notifyVillageOfProblem(
  trx: DbOrTrx,
  ctx: Pick<Ctx, 'clock'>,
  p: Problem,
  event: 'opened' | 'closed',
  already: readonly number[],
): Promise<void> {
  if (p.villageId == null || (p.unitKind === 'village' && p.unitId === p.villageId)) return;
  const skip = new Set(already);
  const ids = (await villageAccountIds(trx, p.agencyId, p.villageId)).filter((id) => !skip.has(id));
  if (!ids.length) return;
  await notify(
    trx,
    ctx,
    ids,
    event === 'opened'
      ? {
          kind: 'supervision.village_problem',
          title: `涉及本村的问题：${p.title}（由${p.unitName}整改，${p.deadline}前）`,
          body: `${p.reference}：该问题由${p.unitName}负责整改，本村可查看进展；如需本村提供材料，请与${p.responsibleName}联系。`,
          link: problemLink(p.id),
        }
      : {
          kind: 'supervision.village_problem',
          title: `涉及本村的问题已销号：${p.title}`,
          body: `${p.reference}：${p.unitName}已整改，经复核销号${p.closedOn ? `（${p.closedOn}）` : ''}，之后将组织回头看。`,
          link: problemLink(p.id),
        },
  );
}
