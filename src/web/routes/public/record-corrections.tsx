/**
 * 更正 on the portal (条例第四十一条): a person who has evidence that a government record about them is inaccurate
 * asks for its correction online; it enters the agency's 更正 register (/office/requests/corrections) like one the
 * clerk registers, received today, with a reference to quote. Rate-limited like /apply; nothing typed is lost.
 */
import type { App, C } from '../../app-env.ts';
import { limitPublicSubmission } from '../../rate-limit.ts';
import { publicPage, portalAgency } from '../../public-page.tsx';
import { Csrf, Field, FormError, Submit, TextArea, emptyForm, type FormState } from '../../views/forms.tsx';
import { formData, str } from '../../form.ts';
import { DomainError, ValidationError, isDomainError } from '../../../errors.ts';
import { submitRecordCorrectionOnline } from '../../../requests/record-corrections.ts';
import { cnDate } from '../../../requests/letters.ts';

const PATH = '/corrections';

function correctionPage(c: C, form: FormState, status = 200) {
  return publicPage(
    c,
    '更正政府信息记录',
    <>
      <h1>申请更正政府信息记录</h1>
      <p>
        您有证据证明行政机关提供的与您自身相关的政府信息记录不准确的，可以要求更正（《中华人民共和国政府信息公开条例》第四十一条）。
        有权更正的，由本机关更正；无权更正的，转送有权更正的机关处理，并告知您。
      </p>
      <form method="post" action={PATH} novalidate class="narrow">
        <Csrf token={c.get('csrf')} />
        <FormError form={form} />
        <Field form={form} name="applicantName" label="申请人姓名或名称" required />
        <Field
          form={form}
          name="contact"
          label="联系方式"
          required
          hint="电话、邮箱或通信地址，用于告知处理结果"
        />
        <TextArea
          form={form}
          name="record"
          label="要求更正的政府信息记录"
          required
          hint="写明是哪一份文件或哪一条记录"
        />
        <TextArea form={form} name="error" label="记录不准确之处及应更正为" required />
        <TextArea
          form={form}
          name="evidence"
          label="证据"
          required
          hint="写明证明记录不准确的材料；纸质材料可另行邮寄或当面提交"
        />
        <Submit>提交更正申请</Submit>
      </form>
    </>,
    status,
  );
}

export function publicRecordCorrectionRoutes(app: App): void {
  app.get(PATH, (c) => correctionPage(c, emptyForm()));
  app.post(PATH, async (c) => {
    const f = await formData(c);
    const agency = await portalAgency(c);
    if (!agency) throw new DomainError('invalid_state', '本系统尚未设置机关，暂不能受理网上更正申请');
    try {
      await limitPublicSubmission(c, 'correction', [str(f.contact)]);
      const r = await submitRecordCorrectionOnline(c.get('ctx'), agency, f);
      return publicPage(
        c,
        '更正申请已提交',
        <>
          <h1>更正申请已提交</h1>
          <dl class="facts">
            <dt>登记编号</dt>
            <dd>
              <strong data-reference>{r.reference}</strong>
            </dd>
            <dt>办理期限</dt>
            <dd>{cnDate(r.dueOn)}前作出决定并告知您</dd>
          </dl>
          <p>请保存登记编号；工作人员将通过您留下的联系方式与您联系。</p>
        </>,
      );
    } catch (e) {
      if (isDomainError(e) && e.code === 'rate_limited')
        return correctionPage(c, { values: f, errors: {}, message: e.message }, 429);
      if (e instanceof ValidationError)
        return correctionPage(c, { values: f, errors: e.fieldErrors, message: e.message }, 400);
      throw e;
    }
  });
}
