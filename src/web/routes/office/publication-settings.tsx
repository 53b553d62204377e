import type { App, C } from '../../app-env.ts';
import { currentActor, officePage } from '../../office-page.tsx';
import { Csrf, Field, FormError, Select, Submit, emptyForm, type FormState } from '../../views/forms.tsx';
import { formData, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { assertCan, ValidationError } from '../../../errors.ts';
import { orgPolicy } from '../../../org/org.policy.ts';
import { agencyScope, getAgency } from '../../../org/org.queries.ts';
import { ROLE_LABELS } from '../../../org/roles.ts';
import { indexFormatOf, reviewChainOf } from '../../../publications/publications.queries.ts';
import { REVIEW_STEPS, STEP_LABELS } from '../../../publications/publication.ts';
import { formatIndexNo } from '../../../publications/index-no.ts';
import { updatePublicationSettings } from '../../../publications/update-publication-settings.ts';

const ROLE_OPTIONS = (['drafter', 'office_head', 'deputy_leader', 'principal_leader'] as const).map((r) => ({
  value: r,
  label: ROLE_LABELS[r],
}));

async function settingsPage(c: C, form?: FormState, status = 200) {
  const actor = currentActor(c);
  const db = c.get('deps').db;
  assertCan(orgPolicy.manage(actor, await agencyScope(db, actor.agencyId)));
  const agency = await getAgency(db, actor.agencyId);
  const chain = await reviewChainOf(db, actor.agencyId);
  const format = await indexFormatOf(db, actor.agencyId);
  const f =
    form ??
    emptyForm({
      indexFormat: format,
      principalWhen: chain.principalWhen,
      ...Object.fromEntries(chain.steps.map((s) => [`role_${s.step}`, s.role])),
    });
  const example = (() => {
    try {
      return formatIndexNo(String(f.values.indexFormat ?? format), {
        code: agency.code,
        year: Number(c.get('deps').clock.today().slice(0, 4)),
        category: 'notices',
        serial: 12,
      });
    } catch {
      return '';
    }
  })();
  return officePage(
    c,
    '主动公开设置',
    <>
      <h1>主动公开设置</h1>
      <form method="post" action="/office/publication-settings" novalidate>
        <Csrf token={c.get('csrf')} />
        <FormError form={f} />
        <h2>索引号格式</h2>
        <Field
          form={f}
          name="indexFormat"
          label="格式"
          required
          hint={`可用：{code} 机关代码、{year} 年份、{category} 栏目代码、{serial:5} 序号（补足5位）。示例：${example}`}
        />
        <h2>审核流程</h2>
        <p class="hint">
          依次为承办人初审、站办所负责人复审、分管领导终审；重大、敏感事项另报主要领导审定。同一事项的两个环节不能由同一人签署。
        </p>
        {REVIEW_STEPS.map((step) => (
          <Select form={f} name={`role_${step}`} label={STEP_LABELS[step]} options={ROLE_OPTIONS} />
        ))}
        <Select
          form={f}
          name="principalWhen"
          label="主要领导审定适用于"
          options={[
            { value: 'major', label: '标记为重大或敏感的事项' },
            { value: 'always', label: '全部事项' },
          ]}
        />
        <Submit>保存设置</Submit>
      </form>
    </>,
    status,
  );
}

export function publicationSettingsRoutes(app: App): void {
  app.get('/office/publication-settings', (c) => settingsPage(c));
  app.post('/office/publication-settings', async (c) => {
    const f = await formData(c);
    const values = Object.fromEntries(Object.entries(f).map(([k, v]) => [k, str(v)]));
    try {
      await updatePublicationSettings(c.get('ctx'), currentActor(c).agencyId, {
        indexFormat: values.indexFormat ?? '',
        roles: Object.fromEntries(REVIEW_STEPS.map((s) => [s, values[`role_${s}`]])),
        principalWhen: values.principalWhen,
      });
    } catch (e) {
      if (e instanceof ValidationError) {
        const errors = Object.fromEntries(
          Object.entries(e.fieldErrors).map(([k, v]) => [
            k.startsWith('roles.') ? `role_${k.slice(6)}` : k,
            v,
          ]),
        );
        return settingsPage(c, { values, errors, message: e.message }, 400);
      }
      throw e;
    }
    return redirectWithFlash(c, '/office/publication-settings', '主动公开设置已保存');
  });
}
