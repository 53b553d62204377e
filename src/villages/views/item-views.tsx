/** Views of a village item's values: the read-only table (office and public) and the liaison's phone form. */
import type { FieldDef, RawValues, Values } from '../item-template.ts';
import { cellText, filledRows, formatMoney, isPersonal, UNIT_LABELS } from '../item-template.ts';
import { fieldName } from '../form-values.ts';

/** Read-only values. Personal lists are replaced by a note when `hidePersonal` (公示期 over, public page). */
export function ValuesView({
  fields,
  values,
  hidePersonal,
  offlineNote,
}: {
  fields: FieldDef[];
  values: Values;
  hidePersonal?: boolean;
  offlineNote?: string | null;
}) {
  return (
    <dl class="vd-values">
      {fields.map((f) => {
        const v = values[f.key];
        if (v == null || v === '' || (Array.isArray(v) && v.length === 0)) return null;
        if (Array.isArray(v) && 'columns' in f) {
          if (hidePersonal && isPersonal(f))
            return (
              <>
                <dt>{f.label}</dt>
                <dd class="muted">
                  公示期已满，名单已从网上撤下（共{v.length}条，存档备查）。{offlineNote ?? ''}
                </dd>
              </>
            );
          return (
            <>
              <dt>{f.label}</dt>
              <dd>
                <div class="table-scroll" tabindex={0}>
                  <table class="data">
                    <thead>
                      <tr>
                        {f.columns.map((c) => (
                          <th scope="col">{c.label}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {v.map((r) => (
                        <tr>
                          {f.columns.map((c) => (
                            <td class={c.type === 'money' ? 'num' : undefined}>{cellText(c, r[c.key])}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </dd>
            </>
          );
        }
        const text =
          f.type === 'money' && typeof v === 'number'
            ? `${formatMoney(v, f.unit)} ${UNIT_LABELS[f.unit]}`
            : String(v);
        return (
          <>
            <dt>{f.label}</dt>
            <dd class={f.type === 'longtext' ? 'prewrap' : undefined}>{text}</dd>
          </>
        );
      })}
    </dl>
  );
}

const one = (v: RawValues[string] | undefined) => (typeof v === 'string' ? v : '');

/** The phone form's fields (inside the caller's <form>). Tables show their rows plus blank ones to fill. */
export function ValuesForm({
  fields,
  raw,
  errors,
}: {
  fields: FieldDef[];
  raw: RawValues;
  errors: Record<string, string>;
}) {
  return (
    <>
      {fields.map((f) => {
        const id = `f-${f.key}`;
        const err = errors[f.key];
        if (f.type === 'persons' || f.type === 'table') {
          const rows = filledRows(raw[f.key]);
          const all = [
            ...rows,
            ...Array.from({ length: Math.max(2, 3 - rows.length) }, () => ({}) as Record<string, string>),
          ];
          return (
            <fieldset class={err ? 'field vd-rows has-error' : 'field vd-rows'} data-rows={f.key}>
              <legend>
                {f.label}
                {f.required ? <span class="req"> *</span> : null}
              </legend>
              {'hint' in f && f.hint ? <p class="hint">{f.hint}</p> : null}
              {err ? <p class="error">{err}</p> : null}
              {all.map((r, i) => (
                <div class="vd-row" data-row={i}>
                  <span class="vd-rowno">第{i + 1}行</span>
                  {f.columns.map((c) => {
                    const name = fieldName(f.key, i, c.key);
                    const cellErr = errors[`${f.key}.${i + 1}.${c.key}`];
                    return (
                      <label class={cellErr ? 'vd-cell has-error' : 'vd-cell'}>
                        <span>{c.label}</span>
                        <input
                          name={name}
                          value={r[c.key] ?? ''}
                          type={c.type === 'date' ? 'date' : 'text'}
                          inputMode={
                            c.type === 'money' ? 'decimal' : c.type === 'number' ? 'numeric' : undefined
                          }
                          aria-invalid={cellErr ? 'true' : undefined}
                        />
                        {cellErr ? <span class="error">{cellErr}</span> : null}
                      </label>
                    );
                  })}
                </div>
              ))}
              <button type="submit" name="_addRow" value={f.key} class="secondary" data-add-row={f.key}>
                增加一行
              </button>
            </fieldset>
          );
        }
        const name = fieldName(f.key);
        const label = f.type === 'money' ? `${f.label}（${UNIT_LABELS[f.unit]}）` : f.label;
        return (
          <div class={err ? 'field has-error' : 'field'}>
            <label for={id}>
              {label}
              {f.required ? <span class="req"> *</span> : null}
            </label>
            {f.type === 'longtext' ? (
              <textarea id={id} name={name} rows={4}>
                {one(raw[f.key])}
              </textarea>
            ) : (
              <input
                id={id}
                name={name}
                value={one(raw[f.key])}
                type={f.type === 'date' ? 'date' : 'text'}
                inputMode={f.type === 'money' ? 'decimal' : f.type === 'number' ? 'numeric' : undefined}
                aria-invalid={err ? 'true' : undefined}
              />
            )}
            {'hint' in f && f.hint ? <p class="hint">{f.hint}</p> : null}
            {err ? <p class="error">{err}</p> : null}
          </div>
        );
      })}
    </>
  );
}
