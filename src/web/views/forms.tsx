import type { ComponentChildren } from 'preact';

/** Form state kept across a failed submit: what the user typed, and the messages per field. */
export interface FormState {
  values: Record<string, string | string[] | undefined>;
  errors: Record<string, string>;
  message?: string;
}

export const emptyForm = (values: FormState['values'] = {}): FormState => ({ values, errors: {} });

export function Csrf({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

/**
 * The error of a failed submit, at the top of the form. With field errors it is the error summary (below), so every
 * back-office form that shows a FormError opens at a focused list linked to each field, like the citizen side's;
 * with only a message, the message.
 */
export function FormError({ form, labels }: { form: FormState; labels?: Record<string, string> }) {
  if (Object.keys(form.errors).length) return <ErrorSummary form={form} labels={labels ?? {}} />;
  return <FormMessage form={form} />;
}

function FormMessage({ form }: { form: FormState }) {
  if (!form.message) return null;
  return (
    <div class="form-error" role="alert">
      {form.message}
    </div>
  );
}

/**
 * The list of every error of a failed submit, at the top of the form: focused when the page opens (autofocus here,
 * app.js for browsers that ignore it on a non-control), each entry a link to its field (`#f-<name>`). `labels`
 * names the fields, in the form's order; a field it does not name gets its label from the page (app.js reads the
 * field's own <label>), the message alone without script. The form's overall message, when it says more than the
 * entries and the heading (anything but one entry's own words or 提交未成功: e.g. that nothing was saved), leads the
 * list.
 */
export function ErrorSummary({ form, labels }: { form: FormState; labels: Record<string, string> }) {
  // In the order of the form (the order of `labels`), fields without a label last.
  const order = Object.keys(labels);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  const entries = Object.entries(form.errors).sort((a, b) => rank(a[0]) - rank(b[0]));
  if (!entries.length) return <FormMessage form={form} />;
  const heading = `提交未成功，请修改以下${entries.length}处：`;
  // The lead is dropped when it says nothing the summary does not: one entry's words, or the heading's (提交未成功).
  const said = (m: string) =>
    entries.some(([, msg]) => msg === m) || heading.includes(m.replace(/[。！!]$/, ''));
  const lead = form.message && !said(form.message) ? form.message : null;
  return (
    <div
      class="error-summary"
      role="alert"
      tabindex={-1}
      id="error-summary"
      aria-labelledby="error-summary-h"
      data-error-summary
      autofocus
    >
      <h2 id="error-summary-h">{heading}</h2>
      {lead ? <p>{lead}</p> : null}
      <ul>
        {entries.map(([name, msg]) => (
          <li>
            <a href={`#f-${name}`} data-field={labels[name] ? undefined : `f-${name}`}>
              {labels[name] ? `${labels[name]}：` : ''}
              {msg}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface FieldProps {
  form: FormState;
  name: string;
  label: string;
  type?: string;
  required?: boolean;
  hint?: string;
  autocomplete?: string;
  inputmode?: string;
  /** Never echo the value back (passwords). */
  secret?: boolean;
}

const val = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''));

/** The label of a field, with the required marker. */
function FieldLabel({ id, label, required }: { id: string; label: string; required?: boolean }) {
  return (
    <label for={id}>
      {label}
      {required ? <span class="req"> *</span> : null}
    </label>
  );
}

/** The hint and the error under a field; their ids are what aria-describedby names. */
function FieldHelp({ id, hint, err }: { id: string; hint?: string; err?: string }) {
  return (
    <>
      {hint ? (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {err ? (
        <p class="error" id={`${id}-err`}>
          {err}
        </p>
      ) : null}
    </>
  );
}

const describedBy = (id: string, hint?: string, err?: string) =>
  [hint ? `${id}-hint` : '', err ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;

/** A labelled input with its hint and its error, linked for screen readers. */
export function Field(p: FieldProps) {
  const id = `f-${p.name}`;
  const err = p.form.errors[p.name];
  return (
    <div class={err ? 'field has-error' : 'field'}>
      <FieldLabel id={id} label={p.label} required={p.required} />
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={p.secret ? '' : val(p.form.values[p.name])}
        required={p.required}
        autocomplete={p.autocomplete}
        inputMode={p.inputmode}
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, err)}
      />
      <FieldHelp id={id} hint={p.hint} err={err} />
    </div>
  );
}

export function TextArea(p: Omit<FieldProps, 'type'> & { rows?: number }) {
  const id = `f-${p.name}`;
  const err = p.form.errors[p.name];
  return (
    <div class={err ? 'field has-error' : 'field'}>
      <FieldLabel id={id} label={p.label} required={p.required} />
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 5}
        required={p.required}
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={describedBy(id, p.hint, err)}
      >
        {val(p.form.values[p.name])}
      </textarea>
      <FieldHelp id={id} hint={p.hint} err={err} />
    </div>
  );
}

export function Select(p: {
  form: FormState;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  required?: boolean;
  multiple?: boolean;
  blank?: string;
}) {
  const id = `f-${p.name}`;
  const err = p.form.errors[p.name];
  const current = p.form.values[p.name];
  const selected = new Set(Array.isArray(current) ? current : current ? [current] : []);
  return (
    <div class={err ? 'field has-error' : 'field'}>
      <FieldLabel id={id} label={p.label} required={p.required} />
      <select
        id={id}
        name={p.name}
        required={p.required}
        multiple={p.multiple}
        aria-invalid={err ? 'true' : undefined}
        aria-describedby={describedBy(id, undefined, err)}
      >
        {p.blank !== undefined ? <option value="">{p.blank}</option> : null}
        {p.options.map((o) => (
          <option value={o.value} selected={selected.has(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldHelp id={id} err={err} />
    </div>
  );
}

export function Checkboxes(p: {
  form: FormState;
  name: string;
  legend: string;
  options: { value: string; label: string }[];
}) {
  const err = p.form.errors[p.name];
  const current = p.form.values[p.name];
  const selected = new Set(Array.isArray(current) ? current : current ? [current] : []);
  return (
    <fieldset id={`f-${p.name}`} class={err ? 'field has-error' : 'field'}>
      <legend>{p.legend}</legend>
      {p.options.map((o) => (
        <label class="check">
          <input type="checkbox" name={p.name} value={o.value} checked={selected.has(o.value)} /> {o.label}
        </label>
      ))}
      {err ? <p class="error">{err}</p> : null}
    </fieldset>
  );
}

type Options = { value: string; label: string }[];

/**
 * One row of a form's field table: the one description of a field that every table-driven form gives — a request's
 * step forms, a message's step forms, the 监督保障 record forms. `hint` and `node` are pieces that are not a field
 * (a line of guidance, a fieldset of its own).
 */
export type FieldSpec =
  | { kind: 'text' | 'date' | 'number'; name: string; label: string; required?: boolean; hint?: string }
  | { kind: 'textarea'; name: string; label: string; required?: boolean; rows?: number; hint?: string }
  | { kind: 'select'; name: string; label: string; required?: boolean; options: Options; blank?: string }
  | { kind: 'checkboxes'; name: string; legend: string; options: Options }
  /** JPEG/PNG photos; `id` is the input's id (one page may hold several such forms). */
  | { kind: 'photos'; name: string; label: string; id: string }
  | { kind: 'hidden'; name: string; value: string }
  | { kind: 'hint'; content: ComponentChildren }
  | { kind: 'node'; render: (form: FormState) => ComponentChildren };

function FieldOf({ form, spec: f }: { form: FormState; spec: FieldSpec }) {
  switch (f.kind) {
    case 'text':
    case 'date':
    case 'number': {
      const { kind, ...props } = f;
      return <Field form={form} {...props} type={kind === 'text' ? undefined : kind} />;
    }
    case 'textarea': {
      const { kind: _, ...props } = f;
      return <TextArea form={form} {...props} />;
    }
    case 'select': {
      const { kind: _, ...props } = f;
      return <Select form={form} {...props} />;
    }
    case 'checkboxes': {
      const { kind: _, ...props } = f;
      return <Checkboxes form={form} {...props} />;
    }
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
    case 'hint':
      return <p class="hint">{f.content}</p>;
    case 'node':
      return <>{f.render(form)}</>;
  }
}

/**
 * The fields of a table, in order, each with its label, hint and error, and the value kept from a failed submit
 * (ids `f-<name>`, as the error summary links them).
 */
export function FormFields({ form, fields }: { form: FormState; fields: readonly FieldSpec[] }) {
  return (
    <>
      {fields.map((f) => (
        <FieldOf form={form} spec={f} />
      ))}
    </>
  );
}

/** What a person had typed into a form that was refused and is no longer shown, so nothing typed is lost. */
export function TypedUnsaved({ typed }: { typed: readonly (readonly [string, string])[] }) {
  if (!typed.length) return null;
  return (
    <dl class="typed">
      {typed.map(([label, v]) => (
        <>
          <dt>您填写的{label}（未保存）</dt>
          <dd>{v}</dd>
        </>
      ))}
    </dl>
  );
}

export function Submit({ children }: { children: ComponentChildren }) {
  return (
    <div class="actions">
      <button type="submit" class="primary">
        {children}
      </button>
    </div>
  );
}
