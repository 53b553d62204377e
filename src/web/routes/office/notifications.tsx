import type { App } from '../../app-env.ts';
import { currentUser, officePage } from '../../office-page.tsx';
import { Csrf } from '../../views/forms.tsx';
import { formData, list, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { listNotifications, markNotificationsRead } from '../../../notifications/notifications.ts';
import { beijingDateTime } from '../../../beijing-time.ts';

export function notificationRoutes(app: App): void {
  app.get('/office/notifications', async (c) => {
    const user = currentUser(c);
    const items = await listNotifications(c.get('deps').db, user.id, { limit: 200 });
    const unread = items.filter((n) => !n.readAt).length;
    return officePage(
      c,
      '提醒',
      <>
        <h1>提醒</h1>
        <p class="muted">
          共 {items.length} 条，未读 {unread} 条（显示最近200条）。
        </p>
        {unread > 0 ? (
          <form method="post" action="/office/notifications/read" class="inline-form">
            <Csrf token={c.get('csrf')} />
            <input type="hidden" name="all" value="1" />
            <button type="submit">全部标记为已读</button>
          </form>
        ) : null}
        {items.length === 0 ? (
          <p class="empty">暂无提醒</p>
        ) : (
          <div class="table-scroll" tabindex={0}>
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">时间</th>
                  <th scope="col">提醒</th>
                  <th scope="col">状态</th>
                </tr>
              </thead>
              <tbody>
                {items.map((n) => (
                  <tr>
                    <td class="date">{beijingDateTime(n.createdAt)}</td>
                    <td>
                      <strong>{n.link ? <a href={n.link}>{n.title}</a> : n.title}</strong>
                      {n.body ? <div>{n.body}</div> : null}
                    </td>
                    <td>
                      {n.readAt ? (
                        <span class="muted">已读</span>
                      ) : (
                        <form method="post" action="/office/notifications/read" class="inline-form">
                          <Csrf token={c.get('csrf')} />
                          <input type="hidden" name="id" value={String(n.id)} />
                          <button type="submit" class="link-button">
                            标记为已读
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </>,
    );
  });

  app.post('/office/notifications/read', async (c) => {
    const f = await formData(c);
    const ids = list(f.id)
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0);
    const n = await markNotificationsRead(c.get('ctx'), str(f.all) === '1' ? 'all' : ids);
    return redirectWithFlash(
      c,
      '/office/notifications',
      n > 0 ? `已将 ${n} 条提醒标记为已读` : '没有需要标记的提醒',
    );
  });
}
