/** 提醒设置: each user chooses, per kind of notification, whether to get it by e-mail too (in-app always). */
import type { App, C } from '../../app-env.ts';
import { currentUser, officePage } from '../../office-page.tsx';
import { Csrf, ErrorSummary, Field, Submit, emptyForm, type FormState } from '../../views/forms.tsx';
import { formData, list, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { ValidationError } from '../../../errors.ts';
import { agencyScope } from '../../../org/org.queries.ts';
import { NOTIFICATION_KINDS } from '../../../notifications/kinds.ts';
import { emailChoices, saveEmailChoices } from '../../../notifications/prefs.ts';
import { deliverySettings } from '../../../notifications/delivery-settings.ts';
import {
  canManageDelivery,
  updateDeliverySettings,
} from '../../../notifications/update-delivery-settings.ts';

const DELIVERY_LABELS = { smsQuietStart: '免打扰开始时间', smsQuietEnd: '免打扰结束时间' };

async function settingsPage(c: C, delivery?: FormState, status = 200) {
  const user = currentUser(c);
  const db = c.get('deps').db;
  const [choices, quiet, scope] = await Promise.all([
    emailChoices(db, user.id),
    deliverySettings(db, user.agencyId),
    agencyScope(db, user.agencyId),
  ]);
  const admin = canManageDelivery(c.get('ctx'), scope);
  const f = delivery ?? emptyForm({ smsQuietStart: quiet.smsQuietStart, smsQuietEnd: quiet.smsQuietEnd });
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
        审批类提醒和逾期提醒在登记了手机号码时另发短信；每天{quiet.smsQuietStart}至
        {quiet.smsQuietEnd < quiet.smsQuietStart ? '次日' : ''}
        {quiet.smsQuietEnd}（北京时间）不发短信，顺延到{quiet.smsQuietEnd}发出。
      </p>
      <form method="post" action="/office/notifications/settings">
        <Csrf token={c.get('csrf')} />
        <fieldset class="field checks">
          <legend>通过电子邮件接收</legend>
          {NOTIFICATION_KINDS.map((k) => (
            <label class="check">
              <input type="checkbox" name="email" value={k.kind} checked={choices.get(k.kind)} /> {k.label}
            </label>
          ))}
        </fieldset>
        <button type="submit">保存设置</button>
      </form>
      {admin ? (
        <section id="delivery" aria-labelledby="delivery-h">
          <h2 id="delivery-h">短信免打扰时段（本机关所有短信）</h2>
          <p>
            适用于审批提醒、逾期提醒等全部短信；免打扰时段内产生的短信顺延到结束时间发出。时间为北京时间，可跨午夜（如
            21:00 至 08:00）；开始与结束相同表示不设免打扰。
          </p>
          <form method="post" action="/office/notifications/delivery" novalidate class="narrow">
            <Csrf token={c.get('csrf')} />
            <ErrorSummary form={f} labels={DELIVERY_LABELS} />
            <Field form={f} name="smsQuietStart" label={DELIVERY_LABELS.smsQuietStart} hint="如 21:00" />
            <Field form={f} name="smsQuietEnd" label={DELIVERY_LABELS.smsQuietEnd} hint="如 08:00" />
            <Submit>保存免打扰时段</Submit>
          </form>
        </section>
      ) : null}
    </>,
    status,
  );
}

export function notificationSettingsRoutes(app: App): void {
  app.get('/office/notifications/settings', (c) => settingsPage(c));

  app.post('/office/notifications/settings', async (c) => {
    const f = await formData(c);
    await saveEmailChoices(c.get('ctx'), list(f.email));
    return redirectWithFlash(c, '/office/notifications/settings', '提醒设置已保存');
  });

  app.post('/office/notifications/delivery', async (c) => {
    const f = await formData(c);
    try {
      await updateDeliverySettings(c.get('ctx'), currentUser(c).agencyId, {
        smsQuietStart: str(f.smsQuietStart),
        smsQuietEnd: str(f.smsQuietEnd),
      });
      return redirectWithFlash(c, '/office/notifications/settings#delivery', '短信免打扰时段已保存');
    } catch (e) {
      if (e instanceof ValidationError)
        return settingsPage(c, { values: f, errors: e.fieldErrors, message: e.message }, 400);
      throw e;
    }
  });
}
