/** The dashboard card of 监督保障: what waits for this user in the problem ledger. */
import type { DashboardWidget } from './dashboard-widgets.ts';
import { toProblem } from '../supervision/supervision.queries.ts';
import { BASE } from './routes/office/supervision/shared.tsx';

export const supervisionWidget: DashboardWidget = async (ctx, user) => {
  const today = ctx.clock.today();
  const rows = (
    await ctx.db
      .selectFrom('sv_problems')
      .selectAll()
      .where('agency_id', '=', user.agencyId)
      .where('status', '!=', 'closed')
      .execute()
  ).map(toProblem);
  const staff = user.roles.some(
    (r) => r === 'clerk' || r === 'admin' || r === 'principal_leader' || r === 'deputy_leader',
  );
  const mine = rows.filter(
    (p) =>
      p.responsibleUserId === user.id ||
      (p.unitKind === 'office' && user.officeId != null && p.unitId === user.officeId) ||
      (p.unitKind === 'village' && user.villageId != null && p.unitId === user.villageId),
  );
  const toRectify = mine.filter((p) => p.status === 'open');
  const toClose = staff ? rows.filter((p) => p.status === 'rectified' && p.rectifiedBy !== user.id) : [];
  const overdue = (staff ? rows : mine).filter((p) => p.status === 'open' && p.deadline < today);
  const dueFollowUps = staff
    ? await ctx.db
        .selectFrom('sv_follow_ups')
        .innerJoin('sv_problems', 'sv_problems.id', 'sv_follow_ups.problem_id')
        .select('sv_follow_ups.id')
        .where('sv_problems.agency_id', '=', user.agencyId)
        .where('sv_follow_ups.status', '=', 'scheduled')
        .where('sv_follow_ups.due_on', '<=', today)
        .execute()
    : [];
  if (!toRectify.length && !toClose.length && !overdue.length && !dueFollowUps.length) return null;
  return (
    <section class="card" aria-labelledby="supervision-h">
      <h2 id="supervision-h">
        <a href={`${BASE}/problems`}>监督保障</a>
      </h2>
      <p>
        待我整改 {toRectify.length} 个 · 待销号 {toClose.length} 个 · 待回头看 {dueFollowUps.length} 个 ·{' '}
        <a href={`${BASE}/problems?status=overdue`} class={overdue.length ? 'badge err' : undefined}>
          整改逾期 {overdue.length} 个
        </a>
      </p>
    </section>
  );
};
