/**
 * The step forms of a message page, rendered from one table: each entry names its step (the POST target), its
 * title, button and fields; the route says which are open to the user. One shape, one component.
 */
import type { ComponentChildren } from 'preact';
import { Csrf, FormError, FormFields, Submit, emptyForm, type FieldSpec, type FormState } from '../forms.tsx';

export const INQUIRY_BASE = '/office/inquiries';

/** A field of a step form: the shared field table's row (forms.tsx). */
export type StepField = FieldSpec;

export interface StepFormSpec {
  /** The step posted to: `${INQUIRY_BASE}/${id}/${step}`. */
  step: string;
  /** Which submitted form's values and errors it shows again (none: always its defaults). */
  formKey?: string;
  title: string;
  button: string;
  /** Values the form starts with. */
  defaults?: Record<string, string>;
  fields: StepField[];
  /** Open to this user at this state. */
  show: boolean;
}

/** The message's version as a form carries it: a form built before someone else acted is refused as stale. */
export function VersionField({ version }: { version: number }) {
  return <input type="hidden" name="version" value={String(version)} />;
}

/** One step's card and form (also used by hand-written bodies). */
export function StepForm(p: {
  id: number;
  /** The message's version when the page was built (never the posted one: a re-shown form carries the new one). */
  version: number;
  step: string;
  title: string;
  csrf: string;
  form?: FormState;
  children?: ComponentChildren;
  button: string;
}) {
  const f = p.form ?? emptyForm();
  return (
    <section class="card" aria-label={p.title}>
      <h3>{p.title}</h3>
      <form method="post" action={`${INQUIRY_BASE}/${p.id}/${p.step}`} novalidate>
        <Csrf token={p.csrf} />
        <VersionField version={p.version} />
        <FormError form={f} />
        {p.children}
        <Submit>{p.button}</Submit>
      </form>
    </section>
  );
}

/** The open entries of a step-form table, in order. */
export function StepForms(p: {
  id: number;
  version: number;
  csrf: string;
  forms: Record<string, FormState>;
  specs: readonly StepFormSpec[];
}) {
  return (
    <>
      {p.specs
        .filter((s) => s.show)
        .map((s) => {
          const form = (s.formKey ? p.forms[s.formKey] : undefined) ?? emptyForm(s.defaults ?? {});
          return (
            <StepForm
              id={p.id}
              version={p.version}
              step={s.step}
              title={s.title}
              csrf={p.csrf}
              form={form}
              button={s.button}
            >
              <FormFields form={form} fields={s.fields} />
            </StepForm>
          );
        })}
    </>
  );
}
