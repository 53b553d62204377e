/**
 * The one shape of every 监督保障 record form (登记问题, 整改, 销号, 回头看, 督办 and its answer, 培训, 问卷, 责任追究 …):
 * CSRF, the form's error, the fields of a table, one submit button. A page lists its fields; it writes no form.
 */
import type { ComponentChildren } from 'preact';
import { Checkboxes, Csrf, Field, FormError, Select, Submit, TextArea, type FormState } from '../forms.tsx';

type Options = { value: string; label: string }[];

/** One row of a form's field table. */
export type FieldSpec =
  | { kind: 'text' | 'date'; name: string; label: string; required?: boolean; hint?: string }
  | { kind: 'textarea'; name: string; label: string; required?: boolean; rows?: number; hint?: string }
  | { kind: 'select'; name: string; label: string; required?: boolean; options: Options; blank?: string }
  | { kind: 'checkboxes'; name: string; legend: string; options: Options }
  /** JPEG/PNG photos; `id` is the input's id (one page may hold several such forms). */
  | { kind: 'photos'; name: string; label: string; id: string }
  | { kind: 'hidden'; name: string; value: string };

export function FormFields({ form, fields }: { form: FormState; fields: readonly FieldSpec[] }) {
  return (
    <>
      {fields.map((f) => {
        switch (f.kind) {
          case 'text':
          case 'date':
            return (
              <Field
                form={form}
                name={f.name}
                label={f.label}
                required={f.required}
                hint={f.hint}
                type={f.kind === 'date' ? 'date' : undefined}
              />
            );
          case 'textarea':
            return (
              <TextArea
                form={form}
                name={f.name}
                label={f.label}
                required={f.required}
                rows={f.rows}
                hint={f.hint}
              />
            );
          case 'select':
            return (
              <Select
                form={form}
                name={f.name}
                label={f.label}
                required={f.required}
                options={f.options}
                blank={f.blank}
              />
            );
          case 'checkboxes':
            return <Checkboxes form={form} name={f.name} legend={f.legend} options={f.options} />;
          case 'photos': {
            const err = form.errors[f.name];
            return (
              <div class={err ? 'field has-error' : 'field'}>
                <label for={f.id}>{f.label}</label>
                <input id={f.id} type="file" name={f.name} accept="image/jpeg,image/png" multiple />
                {err ? <p class="error">{err}</p> : null}
              </div>
            );
          }
          case 'hidden':
            return <input type="hidden" name={f.name} value={f.value} />;
        }
      })}
    </>
  );
}

/** A POST form of the shape above; `children` go between the fields and the button (e.g. a questionnaire's items). */
export function RecordForm(p: {
  action: string;
  csrf: string;
  form: FormState;
  fields: readonly FieldSpec[];
  submit: string;
  multipart?: boolean;
  id?: string;
  class?: string;
  children?: ComponentChildren;
}) {
  return (
    <form
      method="post"
      action={p.action}
      enctype={p.multipart ? 'multipart/form-data' : undefined}
      novalidate
      id={p.id}
      class={p.class}
    >
      <Csrf token={p.csrf} />
      <FormError form={p.form} />
      <FormFields form={p.form} fields={p.fields} />
      {p.children}
      <Submit>{p.submit}</Submit>
    </form>
  );
}

/** The 督办 form: a problem's here, an overdue request's on the county's drill-down. */
export const superviseFields = (rows: number): FieldSpec[] => [
  { kind: 'textarea', name: 'demand', label: '督办要求', required: true, rows },
  { kind: 'date', name: 'answerBy', label: '答复期限', required: true },
];
