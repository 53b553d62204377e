/**
 * “等待谁处理”: on an item's page, each waiting step with the persons it resolves to by name (and why them), plus
 * the forms this person may use on it — the admin's reassignment of a waiting step, and on a request the clerk's
 * extension request and the head's refusal of one. Forms post to `${base}/<action>` and keep what was typed.
 */
import type { ComponentChildren } from 'preact';
import { ACTING_VIA_LABELS } from '../../org/acting-persons.ts';
import type { WaitingItem } from '../../notifications/waiting-item.ts';
import { Csrf, Field, FormError, Select, Submit, TextArea, emptyForm, type FormState } from './forms.tsx';

export interface PanelForm {
  action: string;
  title: string;
  /** Hidden fields (version, step). */
  hidden?: Record<string, string>;
  body: (form: FormState) => ComponentChildren;
}

export function WaitingPanel(p: {
  items: readonly WaitingItem[];
  names: ReadonlyMap<number, string>;
  csrf: string;
  base: string;
  forms: Record<string, FormState | undefined>;
  actions: readonly PanelForm[];
}) {
  const shown = p.items.filter((i) => i.kind !== 'publication.draft');
  if (shown.length === 0 && p.actions.length === 0) return null;
  return (
    <section class="waiting" aria-labelledby="waiting-h">
      <h2 id="waiting-h">等待谁处理</h2>
      {shown.length ? (
        <ul>
          {shown.map((i) => (
            <li>
              <strong>{i.label}</strong>：
              {i.persons.userIds.map((id) => p.names.get(id) ?? '（已停用的用户）').join('、') || '无人'}
              <span class="muted">（{ACTING_VIA_LABELS[i.persons.via]}）</span>
              {i.detail ? <div class="muted">{i.detail}</div> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {p.actions.map((a) => {
        const form = p.forms[a.action] ?? emptyForm();
        return (
          <details class="action" id={`act-${a.action}`} open={Boolean(p.forms[a.action])}>
            <summary>{a.title}</summary>
            <form method="post" action={`${p.base}/${a.action}`} novalidate>
              <Csrf token={p.csrf} />
              {Object.entries(a.hidden ?? {}).map(([k, v]) => (
                <input type="hidden" name={k} value={v} />
              ))}
              <FormError form={form} />
              {a.body(form)}
              <Submit>{a.title}</Submit>
            </form>
          </details>
        );
      })}
    </section>
  );
}

/** The reassignment form's fields: to whom, and why. */
export function reassignFields(users: readonly { id: number; displayName: string }[]) {
  return (form: FormState) => (
    <>
      <Select
        form={form}
        name="userId"
        label="指派给"
        required
        blank="请选择"
        options={users.map((u) => ({ value: String(u.id), label: u.displayName }))}
      />
      <TextArea form={form} name="reason" label="指派理由" required />
    </>
  );
}

/** The extension request's fields (the clerk's proposal; the head approves or refuses it). */
export function extensionRequestFields(form: FormState) {
  return (
    <>
      <p class="hint">
        延期须经政务公开工作机构负责人同意（条例第三十三条第二款），最长20个工作日，只能延长一次。
      </p>
      <Field form={form} name="days" label="拟延长工作日数" type="number" required />
      <TextArea form={form} name="reason" label="延期理由" required />
    </>
  );
}

export function declineFields(form: FormState) {
  return <TextArea form={form} name="reason" label="不同意延期的理由" required />;
}
