/** What waits for one user in the problem ledger (the dashboard card of 监督保障). */
import type { DbOrTrx } from '../db/database.ts';
import type { User } from '../org/org.ts';
import { toProblem } from './supervision.queries.ts';

export interface SupervisionWork {
  toRectify: number;
  toClose: number;
  overdue: number;
  dueFollowUps: number;
}

/**
 * The user's open problems to rectify (responsible, or head/liaison of the unit), and for the agency's supervision
 * staff the problems to 销号 (not rectified by themselves), the overdue ones and the 回头看 due by today.
 */
export async function supervisionWork(db: DbOrTrx, user: User, today: string): Promise<SupervisionWork> {
  const rows = (
    await db
      .selectFrom('sv_problems')
      .selectAll()
      .where('agency_id', '=', user.agencyId)
      .where('status', '!=', 'closed')
      .execute()
  ).map(toProblem);
  const staff = user.roles.some(
    (r) => r === 'clerk' || r === 'admin' || r === 'principal_leader' || r === 'deputy_leader',
  );
  // The unit's head and liaison rectify for it (supervisionPolicy.rectify): not a 村务监督委员会 member.
  const unitRectifier = user.roles.some((r) => r === 'liaison' || r === 'office_head');
  const mine = rows.filter(
    (p) =>
      p.responsibleUserId === user.id ||
      (unitRectifier && p.unitKind === 'office' && user.officeId != null && p.unitId === user.officeId) ||
      (unitRectifier && p.unitKind === 'village' && user.villageId != null && p.unitId === user.villageId),
  );
  const dueFollowUps = staff
    ? await db
        .selectFrom('sv_follow_ups')
        .innerJoin('sv_problems', 'sv_problems.id', 'sv_follow_ups.problem_id')
        .select('sv_follow_ups.id')
        .where('sv_problems.agency_id', '=', user.agencyId)
        .where('sv_follow_ups.status', '=', 'scheduled')
        .where('sv_follow_ups.due_on', '<=', today)
        .execute()
    : [];
  return {
    toRectify: mine.filter((p) => p.status === 'open').length,
    toClose: staff ? rows.filter((p) => p.status === 'rectified' && p.rectifiedBy !== user.id).length : 0,
    overdue: (staff ? rows : mine).filter((p) => p.status === 'open' && p.deadline < today).length,
    dueFollowUps: dueFollowUps.length,
  };
}
