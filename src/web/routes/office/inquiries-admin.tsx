/**
 * Back office of 互动交流, agency level: settings and routing rules, the FAQ, the monthly figures (SVG charts with
 * their tables), and 意见征集 (create, moderate comments, publish the 采纳情况).
 */
import type { App, C } from '../../app-env.ts';
import { currentUser, officePage } from '../../office-page.tsx';
import { redirectWithFlash } from '../../render.tsx';
import { formData, list } from '../../form.ts';
import { Csrf, Field, FormError, Submit, TextArea, emptyForm, type FormState } from '../../views/forms.tsx';
import { FiguresTable, TrendChart } from '../../views/inquiry-charts.tsx';
import { assertCan, ValidationError, isDomainError } from '../../../errors.ts';
import { agencyScope, listOffices, listVillages } from '../../../org/org.queries.ts';
import { inquiryPolicy } from '../../../inquiries/inquiry.policy.ts';
import { getInquirySettings } from '../../../inquiries/settings.ts';
import {
  listRoutingRules,
  saveRoutingRules,
  updateInquirySettings,
} from '../../../inquiries/manage-settings.ts';
import { listFaqs, saveFaq } from '../../../inquiries/publish-inquiry.ts';
import { computeMonth } from '../../../inquiries/figures.queries.ts';
import { monthsBetween } from '../../../inquiries/figures.ts';
import { threeMonthAlarms } from '../../../inquiries/send-inquiry-alerts.ts';
import { inquiryAgencyScope, officeNames } from '../../../inquiries/inquiries.queries.ts';
import { INQUIRY_KINDS, KIND_LABELS } from '../../../inquiries/inquiry.ts';
import { addDays } from '../../../calendar/dates.ts';
import { cnDate } from '../../../requests/letters.ts';

export const formOf = (e: unknown, f: FormState['values']): FormState | null =>
  isDomainError(e) && ['validation', 'invalid_state', 'forbidden'].includes(e.code)
    ? { values: f, errors: e instanceof ValidationError ? e.fieldErrors : {}, message: e.message }
    : null;

async function settingsPage(c: C, form?: FormState, rulesForm?: FormState, status = 200) {
  const user = currentUser(c);
  const db = c.get('deps').db;
  assertCan(inquiryPolicy.manageSettings(c.get('ctx').actor, await agencyScope(db, user.agencyId)), {
    hide: true,
  });
  const s = await getInquirySettings(db, user.agencyId);
  const [rules, offices, villages] = await Promise.all([
    listRoutingRules(db, user.agencyId),
    listOffices(db, user.agencyId),
    listVillages(db, user.agencyId),
  ]);
  const f =
    form ??
    emptyForm({
      ...Object.fromEntries(INQUIRY_KINDS.map((k) => [k, String(s.replyDays[k])])),
      maxExtensionDays: String(s.maxExtensionDays),
      reopenDays: String(s.reopenDays),
      topics: s.topics.join('\n'),
      sensitiveWords: s.sensitiveWords.join('\n'),
      allowWords: s.allowWords.join('\n'),
      petitionGuide: s.petitionGuide,
      perIpPerHour: String(s.perIpPerHour),
      perContactPerDay: String(s.perContactPerDay),
      alarmDaysBefore: String(s.alarmDaysBefore),
      adoptionDays: String(s.adoptionDays),
    });
  const blank = { topic: '', villageId: '', officeId: '' };
  const rows = [
    ...rules.map((r) => ({
      topic: r.topic,
      villageId: String(r.villageId ?? ''),
      officeId: String(r.officeId),
    })),
    blank,
    blank,
    blank,
  ];
  return officePage(
    c,
    '互动交流设置',
    <>
      <p>
        <a href="/office/inquiries">← 留言台账</a>
      </p>
      <h1>互动交流设置</h1>
      <form method="post" action="/office/inquiries/settings" novalidate class="narrow">
        <Csrf token={c.get('csrf')} />
        <FormError form={f} />
        <fieldset class="field">
          <legend>答复期限（工作日）</legend>
          {INQUIRY_KINDS.map((k) => (
            <Field form={f} name={k} label={KIND_LABELS[k]} type="number" required />
          ))}
        </fieldset>
        <Field
          form={f}
          name="maxExtensionDays"
          label="延期最多（工作日，只能延期一次）"
          type="number"
          required
        />
        <Field form={f} name="reopenDays" label="答复后可申请重新办理的天数" type="number" required />
        <TextArea form={f} name="topics" label="留言事项（每行一个）" rows={6} required />
        <TextArea
          form={f}
          name="sensitiveWords"
          label="敏感词（每行一个；命中的留言须工作人员审看）"
          rows={6}
        />
        <TextArea
          form={f}
          name="allowWords"
          label="允许词（包含敏感词但不应拦截的词语，如“杀虫”）"
          rows={4}
        />
        <TextArea form={f} name="petitionGuide" label="信访事项告知语" rows={3} required />
        <Field
          form={f}
          name="perIpPerHour"
          label="每个网络地址每小时留言数（超过后需回答验证问题）"
          type="number"
          required
        />
        <Field
          form={f}
          name="perContactPerDay"
          label="每个联系方式每天留言数（超过后需回答验证问题）"
          type="number"
          required
        />
        <Field form={f} name="alarmDaysBefore" label="满三个月前多少天开始预警" type="number" required />
        <Field
          form={f}
          name="adoptionDays"
          label="意见征集截止后公布采纳情况的期限（工作日）"
          type="number"
          required
        />
        <Submit>保存设置</Submit>
      </form>
      <h2>分办规则</h2>
      <p class="muted">
        留言人选择“不清楚”时，按事项（及村）建议承办单位；先匹配“事项+村”，再匹配“事项”。清空一行即删除。
      </p>
      <form method="post" action="/office/inquiries/routing" novalidate>
        <Csrf token={c.get('csrf')} />
        <FormError form={rulesForm ?? emptyForm()} />
        <div class="table-scroll" tabindex={0}>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">事项</th>
                <th scope="col">村（可选）</th>
                <th scope="col">承办单位</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr>
                  <td>
                    <select name="topic" aria-label={`第${i + 1}条规则的事项`}>
                      <option value="">—</option>
                      {s.topics.map((t) => (
                        <option value={t} selected={t === r.topic}>
                          {t}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select name="villageId" aria-label={`第${i + 1}条规则的村`}>
                      <option value="">全部村</option>
                      {villages.map((v) => (
                        <option value={String(v.id)} selected={String(v.id) === r.villageId}>
                          {v.name}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select name="officeId" aria-label={`第${i + 1}条规则的承办单位`}>
                      <option value="">—</option>
                      {offices.map((o) => (
                        <option value={String(o.id)} selected={String(o.id) === r.officeId}>
                          {o.name}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Submit>保存分办规则</Submit>
      </form>
    </>,
    status,
  );
}

async function figuresPage(c: C) {
  const user = currentUser(c);
  const db = c.get('deps').db;
  assertCan(
    inquiryPolicy.view(c.get('ctx').actor, { ...(await agencyScope(db, user.agencyId)), officeId: null }),
    { hide: true },
  );
  const today = c.get('ctx').clock.today();
  const months = monthsBetween(addDays(`${today.slice(0, 7)}-01`, -360).slice(0, 7), today.slice(0, 7));
  const figures = [];
  for (const m of months) figures.push(await computeMonth(db, user.agencyId, m, today));
  const names = await officeNames(db, user.agencyId);
  const alarms = await threeMonthAlarms(db, user.agencyId, today);
  return officePage(
    c,
    '互动交流统计',
    <>
      <p>
        <a href="/office/inquiries">← 留言台账</a>
      </p>
      <h1>互动交流办理统计</h1>
      {alarms.length ? (
        <div class="form-error" role="alert">
          临近三个月未答复预警：
          {alarms.map((a) => `${a.reference}（${cnDate(a.receivedOn)}收到）`).join('、')}
        </div>
      ) : null}
      <p class="muted">按收到月份统计，截至{cnDate(today)}。每月1日自动在门户网站公布上月数据。</p>
      <TrendChart months={figures} />
      {[...figures].reverse().map((m) => (
        <FiguresTable month={m} names={names} />
      ))}
    </>,
  );
}

async function faqPage(c: C, form?: FormState, status = 200) {
  const user = currentUser(c);
  const db = c.get('deps').db;
  assertCan(inquiryPolicy.manage(c.get('ctx').actor, await inquiryAgencyScope(db, user.agencyId)), {
    hide: true,
  });
  const faqs = await listFaqs(db, user.agencyId);
  return officePage(
    c,
    '常见问题',
    <>
      <p>
        <a href="/office/inquiries">← 留言台账</a>
      </p>
      <h1>常见问题</h1>
      <p class="muted">已答复的留言可在留言页面“加入常见问题”。勾选“公开”的问题显示在门户网站并可被搜索。</p>
      {faqs.map((q) => (
        <form method="post" action={`/office/inquiries/faq/${q.id}`} novalidate class="card">
          <Csrf token={c.get('csrf')} />
          <Field form={emptyForm({ question: q.question })} name="question" label="问题" required />
          <TextArea form={emptyForm({ answer: q.answer })} name="answer" label="解答" rows={3} required />
          <Field
            form={emptyForm({ sortOrder: String(q.sortOrder) })}
            name="sortOrder"
            label="排序"
            type="number"
          />
          <label class="check">
            <input type="checkbox" name="isPublished" value="1" checked={q.isPublished} /> 公开
          </label>
          <Submit>保存</Submit>
        </form>
      ))}
      <h2>新增常见问题</h2>
      <form method="post" action="/office/inquiries/faq/new" novalidate class="narrow">
        <Csrf token={c.get('csrf')} />
        <FormError form={form ?? emptyForm()} />
        <Field form={form ?? emptyForm()} name="question" label="问题" required />
        <TextArea form={form ?? emptyForm()} name="answer" label="解答" rows={3} required />
        <label class="check">
          <input type="checkbox" name="isPublished" value="1" /> 公开
        </label>
        <Submit>新增</Submit>
      </form>
    </>,
    status,
  );
}

export function inquiryAdminRoutes(app: App): void {
  app.get('/office/inquiries/settings', (c) => settingsPage(c));
  app.post('/office/inquiries/settings', async (c) => {
    const f = await formData(c);
    try {
      await updateInquirySettings(c.get('ctx'), currentUser(c).agencyId, f);
      return redirectWithFlash(c, '/office/inquiries/settings', '设置已保存');
    } catch (e) {
      const form = formOf(e, f);
      if (form) return settingsPage(c, form, undefined, 400);
      throw e;
    }
  });
  app.post('/office/inquiries/routing', async (c) => {
    const f = await formData(c);
    const topics = list(f.topic);
    const villages = list(f.villageId);
    const offices = list(f.officeId);
    const rules = topics
      .map((t, i) => ({ topic: t, villageId: villages[i] ?? '', officeId: offices[i] ?? '' }))
      .filter((r) => r.topic && r.officeId);
    try {
      await saveRoutingRules(c.get('ctx'), currentUser(c).agencyId, { rules });
      return redirectWithFlash(c, '/office/inquiries/settings', '分办规则已保存');
    } catch (e) {
      const form = formOf(e, f);
      if (form) return settingsPage(c, undefined, form, 400);
      throw e;
    }
  });
  app.get('/office/inquiries/figures', (c) => figuresPage(c));
  app.get('/office/inquiries/faq', (c) => faqPage(c));
  app.post('/office/inquiries/faq/:id{new|[0-9]+}', async (c) => {
    const f = await formData(c);
    const id = c.req.param('id');
    try {
      await saveFaq(c.get('ctx'), currentUser(c).agencyId, id === 'new' ? null : Number(id), f);
      return redirectWithFlash(c, '/office/inquiries/faq', '常见问题已保存');
    } catch (e) {
      const form = formOf(e, f);
      if (form) return faqPage(c, form, 400);
      throw e;
    }
  });
}
