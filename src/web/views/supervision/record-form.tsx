/**
 * The one shape of every 监督保障 record form (登记问题, 整改, 销号, 回头看, 督办 and its answer, 培训, 问卷, 责任追究 …):
 * CSRF, the form's error, the fields of a table (FormFields, shared with the step forms of requests and messages),
 * one submit button. A page lists its fields; it writes no form.
 */
import type { ComponentChildren } from 'preact';
import { Csrf, FormError, FormFields, Submit, type FieldSpec, type FormState } from '../forms.tsx';

export type { FieldSpec };
export { FormFields };

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
