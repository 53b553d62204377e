/** The township's 村级公开 template catalogue and settings, a pure view (versions, which villages use which). */
import { Csrf, FormError, type FormState } from '../forms.tsx';
import { CADENCE_LABELS, CADENCES, KIND_LABELS, KINDS } from '../../../villages/village-disclosure.ts';
import {
  APPROVAL_LABELS,
  APPROVALS,
  ATTACHMENT_KINDS,
  ATTACHMENT_LABELS,
} from '../../../villages/item-template.ts';
import type { ItemTemplate, TemplateUse } from '../../../villages/villages.queries.ts';
import type { VillageSettings } from '../../../villages/village-settings.ts';
import { VillageAssets } from '../../../villages/views/common.tsx';

export interface TemplatesViewProps {
  form?: FormState;
  /** Which form the refused submit came from (the settings, or a template's revision). */
  refused?: 'settings' | 'template';
  csrf: string;
  canManage: boolean;
  settings: VillageSettings;
  current: readonly ItemTemplate[];
  versions: readonly ItemTemplate[];
  uses: readonly TemplateUse[];
}

export function TemplatesView(props: TemplatesViewProps) {
  const { form, canManage, settings, current, versions, uses } = props;
  // A refused revision: its template's form (a code the page does not list, e.g. left out: the first template's).
  // A refused settings form shows what was typed, not what is stored.
  const typed = (name: string, stored: number) =>
    form && props.refused === 'settings' ? String(form.values[name] ?? '') : String(stored);
  const posted = form && props.refused === 'template' ? String(form.values.code ?? '') : null;
  const failedCode =
    posted == null ? null : current.some((t) => t.code === posted) ? posted : (current[0]?.code ?? null);
  return (
    <>
      <VillageAssets />
      <h1>村级公开模板</h1>
      <p>
        统一的公开模板明确公开重点和格式要求（村民委员会组织法第三十条；中办发〔2004〕17号）。每个村使用的版本如下。
      </p>
      <FormError form={form ?? { values: {}, errors: {} }} />
      {canManage ? (
        <form method="post" action="/office/villages/settings" class="vd-phone" id="village-settings">
          <h2>村级公开设置</h2>
          <Csrf token={props.csrf} />
          <label>
            村民质询答复期限（天）
            <input
              id="f-answerDays"
              name="answerDays"
              value={typed('answerDays', settings.answerDays)}
              inputMode="numeric"
            />
          </label>
          <label>
            到期前提醒（天）{' '}
            <input
              id="f-remindDaysBefore"
              name="remindDaysBefore"
              value={typed('remindDaysBefore', settings.remindDaysBefore)}
              inputMode="numeric"
            />
          </label>
          <label>
            按月、按季度事项于下月几日前公开{' '}
            <input id="f-dueDay" name="dueDay" value={typed('dueDay', settings.dueDay)} inputMode="numeric" />
          </label>
          <label class="check">
            <input
              type="checkbox"
              name="objectionNameRequired"
              value="1"
              checked={settings.objectionNameRequired}
            />{' '}
            村民提出质询须留姓名
          </label>
          <label class="check">
            <input
              type="checkbox"
              name="objectionPhoneRequired"
              value="1"
              checked={settings.objectionPhoneRequired}
            />{' '}
            须留联系电话（不公开）
          </label>
          <button type="submit">保存设置</button>
        </form>
      ) : null}
      {KINDS.map((k) => (
        <>
          <h2>{KIND_LABELS[k]}</h2>
          <div class="table-scroll" tabindex={0}>
            <table class="data">
              <thead>
                <tr>
                  <th>模板</th>
                  <th>公开频次</th>
                  <th>最短公示期</th>
                  <th>个人信息</th>
                  <th>审核</th>
                  <th>附件</th>
                  <th>依据</th>
                  <th>版本（使用村数）</th>
                </tr>
              </thead>
              <tbody>
                {current
                  .filter((t) => t.kind === k)
                  .map((t) => {
                    // The template whose revision was refused carries the field ids its error summary links to.
                    const f = t.code === failedCode ? (id: string) => `f-${id}` : () => undefined;
                    return (
                      <tr>
                        <td>{t.name}</td>
                        <td>{CADENCE_LABELS[t.cadence]}</td>
                        <td>{t.minNoticeDays ? `${t.minNoticeDays}天` : '—'}</td>
                        <td>{t.offlineNote ?? '无'}</td>
                        <td>{t.approvals.map((a) => APPROVAL_LABELS[a]).join('→')}</td>
                        <td>{t.attachments.map((a) => ATTACHMENT_LABELS[a]).join('、') || '—'}</td>
                        <td>{t.legalBasis}</td>
                        <td>
                          {versions
                            .filter((x) => x.code === t.code)
                            .map(
                              (x) =>
                                `第${x.version}版（${uses.filter((u) => u.templateId === x.id).length}个村）`,
                            )
                            .join('；')}
                          {canManage ? (
                            <details open={t.code === failedCode}>
                              <summary>修订（新版本）/ 推送</summary>
                              <form
                                method="post"
                                action="/office/villages/templates/version"
                                class="vd-phone"
                              >
                                <Csrf token={props.csrf} />
                                <input type="hidden" name="code" value={t.code} />
                                <label>
                                  名称 <input id={f('name')} name="name" value={t.name} />
                                </label>
                                <label>
                                  公开频次
                                  <select id={f('cadence')} name="cadence">
                                    {CADENCES.map((x) => (
                                      <option value={x} selected={x === t.cadence}>
                                        {CADENCE_LABELS[x]}
                                      </option>
                                    ))}
                                  </select>
                                </label>
                                <label>
                                  最短公示期（天）{' '}
                                  <input
                                    name="minNoticeDays"
                                    value={String(t.minNoticeDays)}
                                    inputMode="numeric"
                                  />
                                </label>
                                <label>
                                  法律依据{' '}
                                  <input id={f('legalBasis')} name="legalBasis" value={t.legalBasis} />
                                </label>
                                <label>
                                  公示期满撤下说明 <input name="offlineNote" value={t.offlineNote ?? ''} />
                                </label>
                                <fieldset id={f('approvals')}>
                                  <legend>审核环节</legend>
                                  {APPROVALS.map((a) => (
                                    <label class="check">
                                      <input
                                        type="checkbox"
                                        name="approvals"
                                        value={a}
                                        checked={t.approvals.includes(a)}
                                      />{' '}
                                      {APPROVAL_LABELS[a]}
                                    </label>
                                  ))}
                                </fieldset>
                                {ATTACHMENT_KINDS.map((a) => (
                                  <label class="check">
                                    <input
                                      type="checkbox"
                                      name="attachments"
                                      value={a}
                                      checked={t.attachments.includes(a)}
                                    />{' '}
                                    须上传{ATTACHMENT_LABELS[a]}
                                  </label>
                                ))}
                                <label>
                                  字段定义（JSON）
                                  <textarea name="fieldsJson" rows={6}>
                                    {JSON.stringify(t.fields, null, 1)}
                                  </textarea>
                                </label>
                                <button type="submit">保存为第{t.version + 1}版</button>
                              </form>
                              <form method="post" action="/office/villages/templates/push">
                                <Csrf token={props.csrf} />
                                <input type="hidden" name="templateId" value={String(t.id)} />
                                <button type="submit">把第{t.version}版推送到全部村</button>
                              </form>
                            </details>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </div>
        </>
      ))}
    </>
  );
}
