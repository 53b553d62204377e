/** The review chain of a 主动公开 item (with this person's review form and the publish button), and its channels. */
import type { OfficePublicationPage } from '../../../publications/office-publication-page.ts';
import { STEP_LABELS, VALIDITIES, VALIDITY_LABELS } from '../../../publications/publication.ts';
import { CHANNEL_LABELS, type Channel } from '../../../publications/record-channel.ts';
import { beijingDateTime } from '../../../beijing-time.ts';
import { ChannelForms } from '../channel-forms.tsx';
import {
  Checkboxes,
  Csrf,
  Field,
  FormError,
  Select,
  Submit,
  TextArea,
  TypedUnsaved,
  emptyForm,
  type FormState,
} from '../forms.tsx';
import type { DetailForms } from './office-detail.tsx';
import { str } from '../../form.ts';

type SectionProps = { page: OfficePublicationPage; forms: DetailForms; csrf: string };

/** 审核流程: the steps of this round, the form of the step this person signs, the record, and 发布. */
export function ReviewSection({ page, forms, csrf }: SectionProps) {
  const { p, chain, can, reviews, reviewStep, scan, secrecyStep } = page;
  const base = `/office/publications/${p.id}`;
  const rf = forms.review ?? emptyForm();
  return (
    <section aria-labelledby="chain-h" class="card">
      <h2 id="chain-h">审核流程（第 {Math.max(p.reviewRound, 1)} 轮）</h2>
      <ol id="chain">
        {chain.steps.map((s) => (
          <li data-step={s.step}>
            {STEP_LABELS[s.step]}：
            {s.signedBy ? (
              <span class="ok">
                {s.signedBy} 已签 <span class="date">{beijingDateTime(s.signedAt)}</span>
              </span>
            ) : chain.next?.step === s.step && p.status === 'in_review' ? (
              <strong>待办</strong>
            ) : (
              <span class="muted">未签</span>
            )}
          </li>
        ))}
      </ol>
      {!reviewStep && rf.message ? <RefusedReview form={rf} /> : null}
      {reviewStep ? (
        <form method="post" action={`${base}/review`} novalidate id="review-form">
          <Csrf token={csrf} />
          <FormError form={rf} />
          <input type="hidden" name="step" value={reviewStep} />
          <input type="hidden" name="version" value={String(p.version)} />
          <p>
            本环节：<strong>{STEP_LABELS[reviewStep]}</strong>
          </p>
          {reviewStep === secrecyStep ? (
            <fieldset class="field">
              <legend>保密审查单</legend>
              <Checkboxes
                form={rf}
                name="secrecyConfirmed"
                legend="审查结论"
                options={[
                  {
                    value: '1',
                    label: '本人已对拟公开内容进行保密审查，确认不涉及国家秘密、商业秘密和个人隐私，可以公开',
                  },
                ]}
              />
              {scan.unreadable.length ? (
                <Checkboxes
                  form={rf}
                  name="unreadableChecked"
                  legend="无法自动读取的附件"
                  options={[
                    {
                      value: '1',
                      label: `本人已逐页人工核对：${scan.unreadable.map((a) => `“${a.fileName}”`).join('、')}`,
                    },
                  ]}
                />
              ) : null}
              <TextArea
                form={rf}
                name="secrecyNote"
                label="保密审查说明"
                rows={2}
                hint="扫描仍有须处理的内容而确可公开时，写明理由"
              />
            </fieldset>
          ) : null}
          {reviewStep !== 'first_review' ? (
            <TextArea form={rf} name="reason" label="审核意见（退回时必填）" rows={2} />
          ) : null}
          <div class="actions">
            <button type="submit" name="action" value="approve" class="primary">
              {reviewStep === 'first_review' ? '承办人签字并提交审核' : '同意（签批）'}
            </button>{' '}
            {reviewStep !== 'first_review' ? (
              <button type="submit" name="action" value="return">
                退回
              </button>
            ) : null}
          </div>
        </form>
      ) : null}
      {reviews.length ? (
        <details>
          <summary>审核记录</summary>
          <ul>
            {reviews.map((r) => (
              <li>
                第{r.round}轮 {STEP_LABELS[r.step]} · {r.userName} ·{' '}
                {r.action === 'approve' ? '同意' : `退回：${r.reason ?? ''}`} · {beijingDateTime(r.signedAt)}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {forms.publish ? <FormError form={forms.publish} /> : null}
      {can.publish ? (
        <form method="post" action={`${base}/publish`} id="publish-form">
          <Csrf token={csrf} />
          <input type="hidden" name="version" value={String(p.version)} />
          <button type="submit" class="primary">
            发布到门户网站
          </button>
        </form>
      ) : null}
    </section>
  );
}

/**
 * A review refused after someone else signed or returned the step first (the form is gone: the step is no longer
 * this person's): who acted, when, the state now — and what this person had written, so nothing typed is lost.
 */
function RefusedReview({ form }: { form: FormState }) {
  const typed = (
    [
      ['审核意见', str(form.values.reason)],
      ['保密审查说明', str(form.values.secrecyNote)],
    ] as const
  ).filter(([, v]) => v);
  // The form is gone, so its fields' errors have nothing to link to: they are said in one message instead.
  const said = [form.message, ...Object.values(form.errors)].filter((m): m is string => !!m);
  return (
    <div class="refused-review">
      <FormError form={{ ...form, errors: {}, message: [...new Set(said)].join('；') }} />
      <TypedUnsaved typed={typed} />
    </div>
  );
}

/** 发布渠道 of a published item, with 变更有效性 and 撤回 for who manages it. */
export function PublishedSection({ page, forms, csrf, today }: SectionProps & { today: string }) {
  const { p, channels, can } = page;
  const base = `/office/publications/${p.id}`;
  return (
    <section aria-labelledby="ch-h" class="card">
      <h2 id="ch-h">发布渠道</h2>
      <ul>
        {channels.map((u) => (
          <li>
            {CHANNEL_LABELS[u.channel as Channel] ?? u.channel} · {u.usedOn} · {u.userName}
            {u.link ? (
              <>
                {' '}
                · <a href={u.link}>链接</a>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {can.useChannel ? (
        <ChannelForms id={p.id} csrf={csrf} form={forms.channel ?? emptyForm({ usedOn: today })} />
      ) : null}
      {can.managePublished ? (
        <>
          <details>
            <summary>变更有效性</summary>
            <form method="post" action={`${base}/validity`} novalidate>
              <Csrf token={csrf} />
              <FormError form={forms.validity ?? emptyForm()} />
              <input type="hidden" name="version" value={String(p.version)} />
              <Select
                form={forms.validity ?? emptyForm({ validity: p.validity })}
                name="validity"
                label="有效性"
                options={VALIDITIES.map((v) => ({ value: v, label: VALIDITY_LABELS[v] }))}
              />
              <Field
                form={forms.validity ?? emptyForm()}
                name="repealedOn"
                label="废止（失效）日期"
                type="date"
              />
              <Field
                form={forms.validity ?? emptyForm()}
                name="repealedByTitle"
                label="废止它的文件（文号及标题）"
              />
              <Field
                form={forms.validity ?? emptyForm()}
                name="repealedById"
                label="或：废止它的文件在本系统中的编号"
              />
              <Submit>保存</Submit>
            </form>
          </details>
          <details>
            <summary>撤回（从门户网站撤下）</summary>
            <form method="post" action={`${base}/withdraw`}>
              <Csrf token={csrf} />
              <input type="hidden" name="version" value={String(p.version)} />
              <label for="f-wr">撤回理由</label>
              <input id="f-wr" name="reason" required />
              <button type="submit">撤回</button>
            </form>
          </details>
        </>
      ) : null}
    </section>
  );
}
