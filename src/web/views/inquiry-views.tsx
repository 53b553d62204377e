/** Views of 互动交流 shared by the portal and the back office: pure functions of their view models. */
import { Csrf, Field, FormError, Select, Submit, TextArea, type FormState } from './forms.tsx';
import { HeldFiles } from './held-files.tsx';
import type { HeldFile } from '../../uploads/held-uploads.ts';
import { INQUIRY_KINDS, KIND_LABELS, EVENT_LABELS, RATINGS, RATING_LABELS } from '../../inquiries/inquiry.ts';
import { HONEYPOT_FIELD, type Challenge } from '../../inquiries/abuse.ts';
import { MAX_BODY } from '../../inquiries/inquiry.schema.ts';
import type { InquiryEvent } from '../../inquiries/inquiries.queries.ts';
import type { ScreenResult } from '../../inquiries/screening.ts';
import { cnDate } from '../../requests/letters.ts';
import { beijingDate, beijingDateTime } from '../../beijing-time.ts';

/** An ISO instant as Beijing date and time. */
export function bjTime(iso: string): string {
  return `${cnDate(beijingDate(iso))} ${beijingDateTime(iso).slice(11)}`;
}

export interface AskFormModel {
  form: FormState;
  csrf: string;
  topics: string[];
  villages: { id: number; name: string }[];
  offices: { id: number; name: string }[];
  challenge?: Challenge | null;
  /** Files held from a failed submit (kept without choosing them again). */
  held?: HeldFile[];
}

/** The fields of a message a clerk enters (phone, WeChat): the citizen's form without the anti-abuse parts. */
export function OfficeAskFields(m: Omit<AskFormModel, 'csrf' | 'challenge'>) {
  const f = m.form;
  return (
    <>
      <Select
        form={f}
        name="kind"
        label="留言类型"
        required
        blank="请选择"
        options={INQUIRY_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
      />
      <Select
        form={f}
        name="topic"
        label="涉及事项"
        required
        blank="请选择"
        options={m.topics.map((t) => ({ value: t, label: t }))}
      />
      <Select
        form={f}
        name="villageId"
        label="所在村（可选）"
        blank="不选"
        options={m.villages.map((v) => ({ value: String(v.id), label: v.name }))}
      />
      <Select
        form={f}
        name="officeId"
        label="承办单位"
        options={[
          { value: '', label: '不清楚（按分办规则建议）' },
          ...m.offices.map((o) => ({ value: String(o.id), label: o.name })),
        ]}
      />
      <TextArea form={f} name="body" label="留言内容" required rows={6} />
      <Field form={f} name="contactName" label="姓名或称呼" required />
      <Field form={f} name="contactPhone" label="手机号码" type="tel" />
      <Field form={f} name="contactEmail" label="电子邮箱（可选）" type="email" />
      <div class="field">
        <label class="check">
          <input type="checkbox" name="allowPublish" value="1" checked={f.values.allowPublish === '1'} />{' '}
          留言人同意答复后公开
        </label>
      </div>
    </>
  );
}

/** The phone-first form: one column, large targets, the essentials first. */
export function AskForm(m: AskFormModel) {
  const f = m.form;
  const kind = String(f.values.kind ?? '');
  return (
    <form method="post" action="/inquiries/ask" enctype="multipart/form-data" novalidate class="narrow">
      <Csrf token={m.csrf} />
      <FormError form={f} />
      <fieldset id="f-kind" class={f.errors.kind ? 'field has-error' : 'field'}>
        <legend>
          留言类型<span class="req"> *</span>
        </legend>
        {INQUIRY_KINDS.map((k) => (
          <label class="check">
            <input type="radio" name="kind" value={k} checked={kind === k} /> {KIND_LABELS[k]}
          </label>
        ))}
        {f.errors.kind ? <p class="error">{f.errors.kind}</p> : null}
      </fieldset>
      <Select
        form={f}
        name="topic"
        label="涉及事项"
        required
        blank="请选择"
        options={m.topics.map((t) => ({ value: t, label: t }))}
      />
      <Select
        form={f}
        name="villageId"
        label="所在村（可选）"
        blank="不选"
        options={m.villages.map((v) => ({ value: String(v.id), label: v.name }))}
      />
      <Select
        form={f}
        name="officeId"
        label="向哪个单位留言"
        options={[
          { value: '', label: '不清楚（由工作人员按事项分办）' },
          ...m.offices.map((o) => ({ value: String(o.id), label: o.name })),
        ]}
      />
      <TextArea
        form={f}
        name="body"
        label="留言内容"
        required
        rows={7}
        hint={`请写明时间、地点和事情经过，最多${MAX_BODY}字。请不要填写身份证号等个人信息。`}
      />
      <div class="field">
        <HeldFiles held={m.held ?? []} />
        <label for="f-files">{m.held?.length ? '再添加附件（可选）' : '附件（可选）'}</label>
        <input id="f-files" type="file" name="files" multiple accept=".pdf,.jpg,.jpeg,.png,.docx,.doc,.txt" />
        <p class="hint">照片、PDF或Word，每个不超过10MB，最多5个</p>
      </div>
      <Field
        form={f}
        name="contactName"
        label="姓名或称呼"
        required
        autocomplete="name"
        hint="可以只写姓氏，如“王先生”"
      />
      <Field
        form={f}
        name="contactPhone"
        label="手机号码"
        type="tel"
        inputmode="tel"
        autocomplete="tel"
        hint="用于短信告知查询码和办理结果，不会公开"
      />
      <Field form={f} name="contactEmail" label="电子邮箱（可选）" type="email" autocomplete="email" />
      <div class="field">
        <label class="check">
          <input
            type="checkbox"
            name="allowPublish"
            value="1"
            checked={f.values.allowPublish === '1' || f.values.allowPublish === 'on'}
          />{' '}
          同意答复后在网站公开我的留言（公开时隐去姓名、联系方式和个人信息）
        </label>
      </div>
      <div
        aria-hidden="true"
        style="position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden"
      >
        <label for="f-website">请勿填写此栏</label>
        <input id="f-website" name={HONEYPOT_FIELD} type="text" tabindex={-1} autocomplete="off" value="" />
      </div>
      {m.challenge ? <ChallengeField challenge={m.challenge} form={f} /> : null}
      <Submit>提交留言</Submit>
    </form>
  );
}

export function ChallengeField({ challenge, form }: { challenge: Challenge; form: FormState }) {
  return (
    <div class="field has-error">
      <input type="hidden" name="challengeToken" value={challenge.token} />
      <label for="f-challenge">
        验证问题：{challenge.question}
        <span class="req"> *</span>
      </label>
      <input
        id="f-challenge"
        name="challengeAnswer"
        type="text"
        inputMode="numeric"
        autocomplete="off"
        value=""
      />
      <p class="hint">{form.message ? '回答正确后即可提交' : ''}</p>
    </div>
  );
}

/** The status history (dates in Beijing time). */
export function History({ events, staff }: { events: InquiryEvent[]; staff?: boolean }) {
  if (!events.length) return <p class="empty">暂无记录</p>;
  return (
    <ol class="history">
      {events.map((e) => (
        <li>
          <span class="muted">{bjTime(e.at)}</span> <strong>{EVENT_LABELS[e.kind] ?? '办理'}</strong>
          {staff ? <span class="muted">（{e.actorName}）</span> : null}
          {e.note ? <span>：{e.note}</span> : null}
        </li>
      ))}
    </ol>
  );
}

/** The rating form on the tracking page (reference and code carried as hidden fields). */
export function RateForm({
  csrf,
  reference,
  code,
  form,
}: {
  csrf: string;
  reference: string;
  code: string;
  form: FormState;
}) {
  return (
    <form method="post" action="/inquiries/track/rate" novalidate class="narrow">
      <Csrf token={csrf} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="code" value={code} />
      <FormError form={form} />
      <fieldset class={form.errors.rating ? 'field has-error' : 'field'}>
        <legend>您对本次答复的评价</legend>
        {RATINGS.map((r) => (
          <label class="check">
            <input type="radio" name="rating" value={r} checked={form.values.rating === r} />{' '}
            {RATING_LABELS[r]}
          </label>
        ))}
        {form.errors.rating ? <p class="error">{form.errors.rating}</p> : null}
      </fieldset>
      <TextArea form={form} name="reason" label="不满意的原因（选择不满意时必填）" rows={3} />
      <Submit>提交评价</Submit>
    </form>
  );
}

export function ReopenForm({
  csrf,
  reference,
  code,
  form,
  until,
}: {
  csrf: string;
  reference: string;
  code: string;
  form: FormState;
  until: string;
}) {
  return (
    <form method="post" action="/inquiries/track/reopen" novalidate class="narrow">
      <Csrf token={csrf} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="code" value={code} />
      <FormError form={form} />
      <TextArea
        form={form}
        name="reopenReason"
        label="问题没有解决？说明理由后申请重新办理"
        required
        rows={3}
        hint={`${cnDate(until)}前可以申请`}
      />
      <Submit>申请重新办理</Submit>
    </form>
  );
}

/** What the screening found, and why — for the clerk. */
export function ScreenReport({ screen }: { screen: ScreenResult | null }) {
  if (!screen) return null;
  if (!screen.secrecy.length && !screen.words.length)
    return <p class="muted">筛查：未发现个人信息或敏感词。</p>;
  return (
    <div class="card">
      <h3>公开前筛查{screen.hold ? <span class="badge warn">需审看</span> : null}</h3>
      <ul>
        {screen.secrecy.map((h) => (
          <li>
            个人信息：{h.label}（…{h.before}
            <mark>＊＊</mark>
            {h.after}…），公开时自动遮盖
          </li>
        ))}
        {screen.words.map((w) => (
          <li>
            {w.allowedBy ? <span class="badge ok">已放行</span> : <span class="badge warn">敏感词</span>} …
            {w.before}
            <mark>{w.word}</mark>
            {w.after}… —— {w.why}
          </li>
        ))}
      </ul>
    </div>
  );
}
