/**
 * “待我处理”: the first card of every user's dashboard — what waits for this person by name (src/org/
 * acting-persons.ts), as every feature's manifest lists it (`waiting`): requests to confirm, approve, review or
 * deliver, extensions to approve, items at this person's review step, drafts returned with the reason, items to
 * publish; village items at the 监委会 or the township, villagers' objections; messages to route, answer or approve;
 * problems to rectify or close out and 督办 to answer — plus the requests this person handles that are due within the
 * agency's 即将到期 horizon (the same as the ledger's filter).
 */
import type { DashboardWidget } from './dashboard-widgets.ts';
import type { WaitingItem } from '../notifications/waiting-item.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { dueSoonDays, getRequestSettings } from '../requests/settings.ts';
import { KeepTogether } from './views/keep-together.tsx';

/** Entries shown at once; the rest open under 其余N项 (none is out of reach). */
const SHOWN = 8;

export interface InboxEntry {
  item: WaitingItem;
  /** Shown when the item is here because it is due soon (or overdue). */
  due: string | null;
}

/** The entries waiting for one user, most urgent first. */
export async function inboxOf(
  ctx: Parameters<DashboardWidget>[0],
  user: Parameters<DashboardWidget>[1],
): Promise<InboxEntry[]> {
  const today = ctx.clock.today();
  // The feature list is reached at call time: it holds the dashboards manifest, which holds this card.
  const { featureWaiting } = await import('../features.ts');
  const [waiting, settings, cal] = await Promise.all([
    Promise.all(featureWaiting().map((source) => source(ctx.db, user.agencyId, today))),
    getRequestSettings(ctx.db, user.agencyId),
    getCalendar(ctx.db, user.agencyId),
  ]);
  const horizon = cal.addWorkdays(today, dueSoonDays(settings));
  const entries: InboxEntry[] = [];
  for (const item of waiting.flat()) {
    if (!item.persons.userIds.includes(user.id)) continue;
    const dueSoon = item.objectType === 'info_request' && item.dueOn != null && item.dueOn <= horizon;
    if (!item.inbox && !dueSoon) continue;
    const due = dueSoon
      ? item.dueOn! < today
        ? `已逾期（${item.dueOn}）`
        : item.dueOn === today
          ? `今天到期`
          : `还有${cal.workdaysBetween(today, item.dueOn!)}个工作日到期（${item.dueOn}）`
      : null;
    entries.push({ item, due });
  }
  return entries.sort((a, b) => (a.item.dueOn ?? '9999').localeCompare(b.item.dueOn ?? '9999'));
}

function Entry({ item, due }: InboxEntry) {
  return (
    <li>
      <a href={item.link}>
        <strong>{item.label}</strong>：<KeepTogether text={item.title} />
      </a>
      {item.persons.via === 'admin' ? <span class="badge err">无人可办理，请指派</span> : null}
      {due ? (
        <span class={due.startsWith('已逾期') ? 'badge err' : 'badge'}>
          <KeepTogether text={due} />
        </span>
      ) : null}
      {item.detail ? (
        <div class="muted">
          <KeepTogether text={item.detail} />
        </div>
      ) : null}
    </li>
  );
}

export const inboxWidget: DashboardWidget = async (ctx, user) => {
  const entries = await inboxOf(ctx, user);
  const rest = entries.slice(SHOWN);
  return (
    <section class="card inbox" aria-labelledby="inbox-h">
      <h2 id="inbox-h">待我处理{entries.length ? `（${entries.length}）` : ''}</h2>
      {entries.length === 0 ? (
        <p class="muted">目前没有等待您处理的事项</p>
      ) : (
        <>
          <ul class="inbox-list">
            {entries.slice(0, SHOWN).map((e) => (
              <Entry {...e} />
            ))}
          </ul>
          {rest.length ? (
            <details class="inbox-more">
              <summary>其余{rest.length}项</summary>
              <ul class="inbox-list">
                {rest.map((e) => (
                  <Entry {...e} />
                ))}
              </ul>
            </details>
          ) : null}
        </>
      )}
      <p>
        <a href="/office/notifications">全部提醒 →</a> · <a href="/office/notifications/settings">提醒设置</a>
      </p>
    </section>
  );
};
