/** The admin form of the 信息公开指南's 受理机构 details (guide-settings.ts): shown on /guide and the paper form. */
import type { App, C } from '../../app-env.ts';
import { currentUser, officePage } from '../../office-page.tsx';
import { Csrf, ErrorSummary, Field, Submit, emptyForm, type FormState } from '../../views/forms.tsx';
import { formData } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { ValidationError } from '../../../errors.ts';
import { readGuideContact, saveGuideContact } from '../../../publications/guide-settings.ts';

const LABELS = {
  office: '受理机构',
  address: '办公地址',
  postcode: '邮政编码',
  hours: '办公时间',
  phone: '联系电话',
  fax: '传真号码',
  email: '电子邮箱',
};

function contactPage(c: C, form: FormState, status = 200) {
  return officePage(
    c,
    '指南：受理机构信息',
    <>
      <h1>信息公开指南：受理机构信息</h1>
      <p>
        这些信息显示在门户网站“<a href="/guide">信息公开指南</a>
        ”，并印在可下载的纸质申请表上（条例第二十二条）。 ·{' '}
        <a href="/office/portal-pages/guide">编辑指南正文</a>
      </p>
      <form method="post" action="/office/guide-contact" novalidate class="narrow">
        <Csrf token={c.get('csrf')} />
        <ErrorSummary form={form} labels={LABELS} />
        <Field form={form} name="office" label="受理机构" hint="如：哈拉直沟乡人民政府党政综合办公室" />
        <Field form={form} name="address" label="办公地址" />
        <Field form={form} name="postcode" label="邮政编码" inputmode="numeric" />
        <Field form={form} name="hours" label="办公时间" hint="如：工作日上午8:30—12:00，下午14:30—18:00" />
        <Field form={form} name="phone" label="联系电话" type="tel" />
        <Field form={form} name="fax" label="传真号码" type="tel" />
        <Field form={form} name="email" label="电子邮箱" type="email" />
        <Submit>保存</Submit>
      </form>
    </>,
    status,
  );
}

export function guideContactRoutes(app: App): void {
  app.get('/office/guide-contact', async (c) =>
    contactPage(c, emptyForm({ ...(await readGuideContact(c.get('deps').db, currentUser(c).agencyId)) })),
  );
  app.post('/office/guide-contact', async (c) => {
    const f = await formData(c);
    try {
      await saveGuideContact(c.get('ctx'), currentUser(c).agencyId, f);
      return redirectWithFlash(c, '/office/guide-contact', '受理机构信息已保存');
    } catch (e) {
      if (e instanceof ValidationError)
        return contactPage(c, { values: f, errors: e.fieldErrors, message: e.message }, 400);
      throw e;
    }
  });
}
