/** Pure view of the 监督保障 settings: the settings form and the checklist. */
import { Csrf, Field, FormError, Submit, TextArea, emptyForm, type FormState } from '../forms.tsx';
import { RecordForm } from './record-form.tsx';
import type { ChecklistItem } from '../../../supervision/checklist.queries.ts';

const BASE = '/office/supervision';

export function SettingsView(p: { csrf: string; form: FormState; items: ChecklistItem[] }) {
  const f = p.form;
  return (
    <>
      <h1>监督保障设置</h1>
      <form method="post" action={`${BASE}/settings`} novalidate>
        <Csrf token={p.csrf} />
        <FormError form={f} />
        <Field
          form={f}
          name="followUpDays"
          label="回头看时间（销号后天数，用逗号分隔）"
          required
          hint="默认：30，90"
        />
        <TextArea form={f} name="sensitiveWords" label="错敏词（每行一个）" rows={5} />
        <TextArea
          form={f}
          name="leaders"
          label="领导姓名职务名单（每行“职务 姓名”）"
          rows={5}
          hint="如：乡长 张三；每日巡查检查已公开信息中的领导职务是否与名单一致"
        />
        <div class="field">
          <label class="check">
            <input
              type="checkbox"
              name="checkExternalLinks"
              value="1"
              checked={f.values.checkExternalLinks === '1'}
            />{' '}
            每日巡查也检查外部链接（逐个访问，每次有上限）
          </label>
        </div>
        <Field form={f} name="externalLinkLimit" label="每次最多检查的外部链接数" />
        <Submit>保存设置</Submit>
      </form>

      <h2 id="checklist">督查清单</h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col">检查项目</th>
            <th scope="col">依据</th>
            <th scope="col">状态</th>
            <th scope="col">修改</th>
          </tr>
        </thead>
        <tbody>
          {p.items.map((i) => (
            <tr>
              <td>{i.label}</td>
              <td>{i.basis}</td>
              <td>
                {i.isActive ? '使用中' : '已停用'}
                {i.checkKind ? '，可系统复查' : ''}
              </td>
              <td>
                <form method="post" action={`${BASE}/checklist`} class="inline-form">
                  <Csrf token={p.csrf} />
                  <input type="hidden" name="id" value={String(i.id)} />
                  <input type="hidden" name="label" value={i.label} />
                  <input type="hidden" name="basis" value={i.basis ?? ''} />
                  <input type="hidden" name="isActive" value={i.isActive ? '' : '1'} />
                  <button type="submit" class="link-button">
                    {i.isActive ? '停用' : '启用'}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <RecordForm
        action={`${BASE}/checklist`}
        csrf={p.csrf}
        form={emptyForm()}
        fields={[
          { kind: 'hidden', name: 'isActive', value: '1' },
          { kind: 'text', name: 'label', label: '新增检查项目', required: true },
          { kind: 'text', name: 'basis', label: '依据' },
        ]}
        submit="新增"
      />
    </>
  );
}
