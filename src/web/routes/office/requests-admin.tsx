/**
 * 依申请公开 back office, agency level: the Table B/C view, 复议/诉讼 cases and the settings (formats, relief body,
 * alerts, letter templates). Thin: parse → one use case → present.
 */

import type { App, C } from '../../app-env.ts';
import { currentUser, officePage } from '../../office-page.tsx';
import {
  Csrf,
  Field,
  FormError,
  Select,
  Submit,
  TextArea,
  emptyForm,
  type FormState,
} from '../../views/forms.tsx';

import { formData, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { assertCan, ValidationError } from '../../../errors.ts';

import {
  APPEAL_KINDS,
  APPEAL_KIND_LABELS,
  APPEAL_RESULTS,
  APPEAL_RESULT_LABELS,
  OUTCOMES,
  OUTCOME_LABELS,
} from '../../../requests/request.ts';
import { requestPolicy } from '../../../requests/request.policy.ts';
import { requestScope } from '../../../requests/requests.queries.ts';

import { recordAppeal, updateAppeal } from '../../../requests/record-appeal.ts';

import { getRequestSettings, DEFAULT_OUTCOME_ROW_MAP, reportRowOf } from '../../../requests/settings.ts';

import {
  DEFAULT_TEMPLATES,
  LETTER_KINDS,
  LETTER_KIND_LABELS,
  PLACEHOLDERS,
} from '../../../requests/letters.ts';
import { updateLetterTemplate, updateRequestSettings } from '../../../requests/update-request-settings.ts';
import { templateOf } from '../../../requests/issue-letter.ts';
import { computeRequestReport } from '../../../requests/report-tables.ts';
import { LABELS } from '../../../annual-report/report-format.ts';

import { BASE, Interp, formOf, ledgerAgencyOf, opts } from './requests-shared.tsx';
import { listAppeals, requestReportFindings } from '../../../requests/index.ts';
import { RequestReportView } from '../../views/requests/report.tsx';

const ID = '{[0-9]+}';

async function reportPage(c: C) {
  const agencyId = await ledgerAgencyOf(c);
  const db = c.get('deps').db;
  const scope = await requestScope(db, agencyId);
  assertCan(requestPolicy.view(c.get('ctx').actor, scope), { hide: true });
  const year = Number(c.req.query('year') ?? c.get('ctx').clock.today().slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new ValidationError('年度不正确');
  const { tableB: b, tableC: cc, fees, counts } = await computeRequestReport(db, agencyId, year);
  const findings = requestReportFindings(b, cc);
  return officePage(
    c,
    `年报数据 ${year}`,
    <RequestReportView year={year} tableB={b} tableC={cc} fees={fees} counts={counts} findings={findings} />,
  );
}

async function appealsPage(c: C, form: FormState = emptyForm({ result: 'pending' }), status = 200) {
  const agencyId = await ledgerAgencyOf(c);
  const db = c.get('deps').db;
  const scope = await requestScope(db, agencyId);
  assertCan(requestPolicy.view(c.get('ctx').actor, scope), { hide: true });
  const rows = await listAppeals(db, agencyId);
  const manage = requestPolicy.manageAppeals(c.get('ctx').actor, scope);
  return officePage(
    c,
    '行政复议、行政诉讼',
    <>
      <h1>行政复议、行政诉讼案件</h1>
      {rows.length === 0 ? (
        <p class="empty">暂无案件</p>
      ) : (
        <table class="data">
          <thead>
            <tr>
              <th scope="col">类型</th>
              <th scope="col">申请/起诉日期</th>
              <th scope="col">机关/法院</th>
              <th scope="col">案号</th>
              <th scope="col">结果</th>
              <th scope="col">审结日期</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr>
                <td>{APPEAL_KIND_LABELS[a.kind as keyof typeof APPEAL_KIND_LABELS]}</td>
                <td>{a.filed_on}</td>
                <td>{a.body}</td>
                <td>{a.case_no}</td>
                <td>{APPEAL_RESULT_LABELS[a.result as keyof typeof APPEAL_RESULT_LABELS]}</td>
                <td>
                  {a.concluded_on ?? ''}
                  {manage && a.result === 'pending' ? (
                    <form method="post" action={`${BASE}/appeals/${a.id}`} class="inline-form">
                      <Csrf token={c.get('csrf')} />
                      {(['kind', 'filed_on', 'body', 'case_no', 'note'] as const).map((k) => (
                        <input
                          type="hidden"
                          name={
                            {
                              kind: 'kind',
                              filed_on: 'filedOn',
                              body: 'body',
                              case_no: 'caseNo',
                              note: 'note',
                            }[k]
                          }
                          value={String(a[k] ?? '')}
                        />
                      ))}
                      <select name="result" aria-label="结果">
                        {APPEAL_RESULTS.filter((x) => x !== 'pending').map((x) => (
                          <option value={x}>{APPEAL_RESULT_LABELS[x]}</option>
                        ))}
                      </select>
                      <input type="date" name="concludedOn" aria-label="审结日期" required />
                      <button type="submit">登记审结</button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manage ? (
        <form method="post" action={`${BASE}/appeals`} novalidate class="narrow">
          <h2>登记案件</h2>
          <Csrf token={c.get('csrf')} />
          <FormError form={form} />
          <Select
            form={form}
            name="kind"
            label="类型"
            required
            options={opts(APPEAL_KINDS, APPEAL_KIND_LABELS)}
          />
          <Field form={form} name="requestId" label="关联申请（内部编号，可选）" type="number" />
          <Field form={form} name="filedOn" label="申请或起诉日期" type="date" required />
          <Field form={form} name="body" label="复议机关或人民法院" required />
          <Field form={form} name="caseNo" label="案号" />
          <Select
            form={form}
            name="result"
            label="结果"
            required
            options={opts(APPEAL_RESULTS, APPEAL_RESULT_LABELS)}
          />
          <Field form={form} name="concludedOn" label="审结日期" type="date" />
          <TextArea form={form} name="note" label="备注" />
          <Submit>登记</Submit>
        </form>
      ) : null}
    </>,
    status,
  );
}

async function settingsPage(c: C, form?: FormState, status = 200) {
  const user = currentUser(c);
  const db = c.get('deps').db;
  const scope = await requestScope(db, user.agencyId);
  assertCan(requestPolicy.view(c.get('ctx').actor, scope), { hide: true });
  assertCan(requestPolicy.manageSettings(c.get('ctx').actor, scope));
  const s = await getRequestSettings(db, user.agencyId);
  const f =
    form ??
    emptyForm({
      referenceFormat: s.referenceFormat,
      letterNoFormat: s.letterNoFormat,
      alertDays: s.alertDays.join(','),
      reconsiderationBody: s.reconsiderationBody,
      correctionPeriodDays: String(s.correctionPeriodDays),
      feePausesReplyClock: s.feePausesReplyClock ? '1' : '',
      onlineAutoConfirmation: s.onlineAutoConfirmation ? '1' : '',
    });
  const templates = await Promise.all(
    LETTER_KINDS.map(async (k) => ({ kind: k, t: await templateOf(db, user.agencyId, k) })),
  );
  return officePage(
    c,
    '依申请公开设置',
    <>
      <h1>依申请公开设置</h1>
      <form method="post" action={`${BASE}/settings`} novalidate class="narrow">
        <Csrf token={c.get('csrf')} />
        <FormError form={f} />
        <Field
          form={f}
          name="referenceFormat"
          label="登记编号格式"
          required
          hint="{简称}{年}{号}，默认 {简称}政依申〔{年}〕第{号}号"
        />
        <Field form={f} name="letterNoFormat" label="文书文号格式" required />
        <Field
          form={f}
          name="reconsiderationBody"
          label="复议机关"
          hint="留空则为上一级人民政府（乡镇为县人民政府）"
        />
        <Field
          form={f}
          name="alertDays"
          label="到期提醒（到期前工作日数，逗号分隔；剩余工作日不超过其中最大值即为“即将到期”）"
          required
        />
        <Field form={f} name="correctionPeriodDays" label="默认补正期限（工作日）" type="number" required />
        <label class="check">
          <input
            type="checkbox"
            name="feePausesReplyClock"
            value="1"
            checked={f.values.feePausesReplyClock === '1'}
          />{' '}
          等待缴费期间不计入答复期限 <Interp />
          （默认否，期限更严格）
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="onlineAutoConfirmation"
            value="1"
            checked={f.values.onlineAutoConfirmation === '1'}
          />{' '}
          网上申请自动回执视为双方确认 <Interp />
          （默认否）
        </label>
        <p class="muted">
          短信免打扰时段在<a href="/office/notifications/settings#delivery">提醒设置</a>中统一设置。
        </p>
        <Submit>保存设置</Submit>
      </form>
      <h2>
        办理结果与年报行次对应 <Interp />
      </h2>
      <table class="data">
        <tbody>
          {OUTCOMES.map((o) => (
            <tr>
              <td>{OUTCOME_LABELS[o]}</td>
              <td>{LABELS.bRow[reportRowOf(s, o) as keyof typeof LABELS.bRow]}</td>
              <td class="muted">{reportRowOf(s, o) === DEFAULT_OUTCOME_ROW_MAP[o] ? '默认' : '已调整'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>文书模板</h2>
      <p class="hint">
        可用占位符：{PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}。暂定日期不会打印，改为打印期间。
      </p>
      {templates.map(({ kind, t }) => (
        <details>
          <summary>
            {LETTER_KIND_LABELS[kind]}
            {t === DEFAULT_TEMPLATES[kind] ? '' : '（已修改）'}
          </summary>
          <form method="post" action={`${BASE}/settings/templates`} novalidate>
            <Csrf token={c.get('csrf')} />
            <input type="hidden" name="kind" value={kind} />
            <Field form={emptyForm({ title: t.title })} name="title" label="标题" required />
            <TextArea
              form={emptyForm({ body: t.body })}
              name="body"
              label="正文（每行一段）"
              rows={10}
              required
            />
            <Submit>保存模板</Submit>
          </form>
        </details>
      ))}
    </>,
    status,
  );
}

export function requestAdminRoutes(app: App): void {
  app.get(`${BASE}/report`, (c) => reportPage(c));
  app.get(`${BASE}/appeals`, (c) => appealsPage(c));
  app.post(`${BASE}/appeals`, async (c) => {
    const f = await formData(c);
    try {
      await recordAppeal(c.get('ctx'), currentUser(c).agencyId, f);
      return redirectWithFlash(c, `${BASE}/appeals`, '已登记案件');
    } catch (e) {
      const form = formOf(e, f);
      if (form) return appealsPage(c, form, 400);
      throw e;
    }
  });
  app.post(`${BASE}/appeals/:aid${ID}`, async (c) => {
    const f = await formData(c);
    await updateAppeal(c.get('ctx'), Number(c.req.param('aid')), f);
    return redirectWithFlash(c, `${BASE}/appeals`, '已更新案件');
  });
  app.get(`${BASE}/settings`, (c) => settingsPage(c));
  app.post(`${BASE}/settings`, async (c) => {
    const f = await formData(c);
    try {
      await updateRequestSettings(c.get('ctx'), currentUser(c).agencyId, {
        referenceFormat: str(f.referenceFormat),
        letterNoFormat: str(f.letterNoFormat),
        reconsiderationBody: str(f.reconsiderationBody).trim(),
        alertDays: str(f.alertDays)
          .split(/[,，\s]+/)
          .filter(Boolean)
          .map(Number),
        correctionPeriodDays: Number(str(f.correctionPeriodDays)),
        feePausesReplyClock: str(f.feePausesReplyClock) === '1',
        onlineAutoConfirmation: str(f.onlineAutoConfirmation) === '1',
      });
      return redirectWithFlash(c, `${BASE}/settings`, '设置已保存');
    } catch (e) {
      const form = formOf(e, f);
      if (form) return settingsPage(c, form, 400);
      throw e;
    }
  });
  app.post(`${BASE}/settings/templates`, async (c) => {
    await updateLetterTemplate(c.get('ctx'), currentUser(c).agencyId, await formData(c));
    return redirectWithFlash(c, `${BASE}/settings`, '模板已保存');
  });
}
