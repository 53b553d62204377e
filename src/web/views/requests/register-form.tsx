/** The form that registers a request made in person, by post, fax, e-mail or orally. Pure. */
import { Csrf, Field, FormError, Select, Submit, type FormState } from '../forms.tsx';
import { RequestFields } from '../request-form.tsx';
import { CHANNELS, CHANNEL_LABELS, RECEIPT_RULES } from '../../../requests/request.ts';
import { BASE, opts } from './shared.tsx';

export function RegisterRequestForm({ form, csrf }: { form: FormState; csrf: string }) {
  return (
    <>
      <h1>登记政府信息公开申请</h1>
      <p class="muted">
        当面、邮寄、传真、电子邮件、口头提出的申请在此登记；网上申请由申请人在门户网站提交。
      </p>
      <form method="post" action={BASE} novalidate class="narrow">
        <Csrf token={csrf} />
        <FormError form={form} />
        <fieldset class="field">
          <legend>收到申请（条例第三十一条）</legend>
          <Select
            form={form}
            name="channel"
            label="申请渠道"
            required
            options={opts(
              CHANNELS.filter((x) => x !== 'online'),
              CHANNEL_LABELS,
            )}
          />
          <ul class="hint">
            {CHANNELS.filter((x) => x !== 'online').map((ch) => (
              <li>
                {CHANNEL_LABELS[ch]}：{RECEIPT_RULES[ch]}
              </li>
            ))}
          </ul>
          <Field form={form} name="submittedOn" label="提交或到达日期" type="date" required />
          <Field
            form={form}
            name="confirmedOn"
            label="签收或确认日期"
            type="date"
            hint="挂号信填签收日期；平信、传真、电子邮件填与申请人确认的日期（尚未确认的留空，登记为待确认）"
          />
          <Field
            form={form}
            name="receiptEvidence"
            label="收件或确认记录"
            hint="如：挂号信单号、确认电话的时间和接听人"
          />
        </fieldset>
        <RequestFields form={form} />
        <Submit>登记并出具回执</Submit>
      </form>
    </>
  );
}
