/**
 * The alert at the top of a request page after a step form was refused (400): which step, why, and what to do —
 * also when that step's form is not on the page (the request is in a state where the step cannot be taken, or the
 * form was sent from an old page), where the field messages inside the form would otherwise be invisible.
 */
import type { FormState } from './forms.tsx';

const fieldList = (errors: Record<string, string>) => [...new Set(Object.values(errors))].join('；');

export function StepErrors(p: {
  forms: Partial<Record<string, FormState>>;
  /** the step's summary by form key (REQUEST_STEPS); keys not listed are other forms */
  summaries: Record<string, string>;
  stateLabel: string;
}) {
  const failed = Object.entries(p.forms).filter(
    (e): e is [string, FormState] => !!e[1] && (!!e[1].message || Object.keys(e[1].errors).length > 0),
  );
  return (
    <>
      {failed.map(([key, form]) => {
        const hasFields = Object.keys(form.errors).length > 0;
        if (!hasFields)
          return (
            <div class="form-error" role="alert">
              {form.message}
            </div>
          );
        const step = p.summaries[key];
        return (
          <div class="form-error" role="alert">
            <p>
              {step ? `“${step}”没有办理` : '提交没有成功'}：{fieldList(form.errors) || form.message}。
            </p>
            <p>
              请在下方该步骤的表单中按标注补全或更正后重新提交，已填写的内容都保留着。如果页面上找不到这个表单，说明申请目前处于“
              {p.stateLabel}”环节，这一步现在不能办理（也可能是从旧页面提交的），请先办理本页列出的步骤。
            </p>
          </div>
        );
      })}
    </>
  );
}
