import type { VNode } from 'preact';
import type { App } from '../../app-env.ts';
import { currentUser, officePage } from '../../office-page.tsx';
import { getAgency, listOffices, listUsers, listVillages } from '../../../org/org.queries.ts';
import { ROLE_LABELS } from '../../../org/roles.ts';
import { AGENCY_KIND_LABELS } from '../../../org/org.ts';
import { countUnread, listNotifications } from '../../../notifications/notifications.ts';
import { KeepTogether } from '../../views/keep-together.tsx';

export function dashboardRoutes(app: App): void {
  app.get('/office', async (c) => {
    const user = currentUser(c);
    const db = c.get('deps').db;
    const agency = await getAgency(db, user.agencyId);
    const [offices, villages, users] = await Promise.all([
      listOffices(db, agency.id),
      listVillages(db, agency.id),
      listUsers(db, agency.id),
    ]);
    const widgets: VNode[] = [];
    const first: VNode[] = []; // cards of order 0 or less (待我处理) lead the dashboard
    for (const w of [...c.get('shell').widgets].sort((a, b) => a.order - b.order)) {
      const v = await w.widget(c.get('ctx'), user);
      if (v) (w.order <= 0 ? first : widgets).push(v);
    }
    const [unread, unreadCount] = await Promise.all([
      listNotifications(db, user.id, { unreadOnly: true, limit: 10 }),
      countUnread(db, user.id),
    ]);
    return officePage(
      c,
      '工作台',
      <>
        <h1>工作台</h1>
        <p>
          {user.displayName}，您好。您的角色：{user.roles.map((r) => ROLE_LABELS[r]).join('、')}。
        </p>
        <div class="cards">
          {first}
          <section class="card" aria-labelledby="agency-h">
            <h2 id="agency-h">{agency.name}</h2>
            <p class="muted">{AGENCY_KIND_LABELS[agency.kind]}</p>
            <p>
              站办所 {offices.length} 个 · 村 {villages.length} 个 · 用户 {users.length} 人
            </p>
          </section>
          <section class="card" aria-labelledby="notice-h">
            <h2 id="notice-h">待阅提醒{unreadCount > 0 ? `（${unreadCount}）` : ''}</h2>
            {unread.length === 0 ? (
              <p class="muted">暂无新的提醒</p>
            ) : (
              <ul>
                {unread.map((n) => (
                  <li>
                    {n.link ? (
                      <a href={n.link}>
                        <KeepTogether text={n.title} />
                      </a>
                    ) : (
                      <KeepTogether text={n.title} />
                    )}
                  </li>
                ))}
              </ul>
            )}
            <p>
              <a href="/office/notifications">全部提醒 →</a>
            </p>
          </section>
          {widgets}
        </div>
      </>,
    );
  });
}
