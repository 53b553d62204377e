/** 提醒设置: each user chooses, per kind of notification, whether to get it by e-mail too (in-app always). */
import type { App } from '../../app-env.ts';
import { currentUser, officePage } from '../../office-page.tsx';
import { Csrf } from '../../views/forms.tsx';
import { formData, list } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { NOTIFICATION_KINDS } from '../../../notifications/kinds.ts';
import { emailChoices, saveEmailChoices } from '../../../notifications/prefs.ts';

export function notificationSettingsRoutes(app: App): void {
  app.get('/office/notifications/settings', async (c) => {
    const user = currentUser(c);
    const choices = await emailChoices(c.var.deps.db, user.id);
    return officePage(
      c,
      '提醒设置',
      <>
        <h1>提醒设置</h1>
        <p>
          每条提醒都会出现在工作台的“待我处理”和“提醒”页。勾选的种类另发电子邮件
          {user.email ? `（发往 ${user.email}）` : ''}。
        </p>
        {user.email ? null : (
          <p class="notice">您的账号还没有登记电子邮箱，暂时收不到邮件提醒。请联系系统管理员登记。</p>
        )}
        <p class="muted">
          审批类提醒在登记了手机号码时另发短信；每天21:00至次日8:00（北京时间）不发短信，顺延到8:00发出。
        </p>
        <form method="post" action="/office/notifications/settings">
          <Csrf token={c.var.csrf} />
          <fieldset>
            <legend>通过电子邮件接收</legend>
            {NOTIFICATION_KINDS.map((k) => (
              <label class="check">
                <input type="checkbox" name="email" value={k.kind} checked={choices.get(k.kind)} /> {k.label}
              </label>
            ))}
          </fieldset>
          <button type="submit">保存设置</button>
        </form>
      </>,
    );
  });

  app.post('/office/notifications/settings', async (c) => {
    const f = await formData(c);
    await saveEmailChoices(c.var.ctx, list(f.email));
    return redirectWithFlash(c, '/office/notifications/settings', '提醒设置已保存');
  });
}
