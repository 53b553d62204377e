/** The dashboard card of 监督保障: what waits for this user in the problem ledger. */
import type { DashboardWidget } from './dashboard-widgets.ts';
import { supervisionWork } from '../supervision/index.ts';
import { BASE } from './routes/office/supervision/shared.tsx';

export const supervisionWidget: DashboardWidget = async (ctx, user) => {
  const w = await supervisionWork(ctx.db, user, ctx.clock.today());
  if (!w.toRectify && !w.toClose && !w.overdue && !w.dueFollowUps) return null;
  return (
    <section class="card" aria-labelledby="supervision-h">
      <h2 id="supervision-h">
        <a href={`${BASE}/problems`}>监督保障</a>
      </h2>
      <p>
        待我整改 {w.toRectify} 个 · 待销号 {w.toClose} 个 · 待回头看 {w.dueFollowUps} 个 ·{' '}
        <a href={`${BASE}/problems?status=overdue`} class={w.overdue ? 'badge err' : undefined}>
          整改逾期 {w.overdue} 个
        </a>
      </p>
    </section>
  );
};
