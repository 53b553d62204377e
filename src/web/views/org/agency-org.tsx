/** An agency's page in 组织与用户: name, children, offices with their reviewers, villages (township). Pure. */
import type { AgencyOrgPage } from '../../../org/org-pages.ts';
import { AGENCY_KIND_LABELS, ALLOWED_CHILDREN } from '../../../org/org.ts';
import { Csrf, Field, FormError, Select, Submit, emptyForm, type FormState } from '../forms.tsx';
import { OfficeReviewers } from '../office-reviewers.tsx';
import type { ImportResult } from '../../../org/import-csv.ts';
import { AgencyPeople } from './agency-people.tsx';

/** The forms of the page that come back with what was typed and the error (or the import's result). */
export type OrgForms = {
  user?: FormState;
  office?: FormState;
  village?: FormState;
  agency?: FormState;
  rename?: FormState;
  importResult?: ImportResult & { kind: string };
};

export function AgencyOrg({ page, forms, csrf }: { page: AgencyOrgPage; forms: OrgForms; csrf: string }) {
  const { agency, canManage, offices, villages, users, children, parent } = page;
  const base = `/office/org/${agency.id}`;
  // Each form of the page once: what came back with its error, else its starting values.
  const renameForm = forms.rename ?? emptyForm({ name: agency.name, shortName: agency.shortName });
  const agencyForm = forms.agency ?? emptyForm();
  const officeForm = forms.office ?? emptyForm();
  const villageForm = forms.village ?? emptyForm();
  return (
    <>
      <h1>{agency.name}</h1>
      <p class="muted">
        {AGENCY_KIND_LABELS[agency.kind]} · 机关代码 {agency.code}
        {parent ? (
          <>
            {' '}
            · 上级：<a href={`/office/org/${parent.id}`}>{parent.name}</a>
          </>
        ) : null}
        {canManage ? null : ' · 只读'}
      </p>
      {canManage ? (
        <details open={Boolean(forms.rename)}>
          <summary>修改机关名称</summary>
          <form method="post" action={`${base}/rename`} novalidate class="filters">
            <Csrf token={csrf} />
            <FormError form={renameForm} />
            <Field form={renameForm} name="name" label="机关名称" required />
            <Field form={renameForm} name="shortName" label="简称" required />
            <button type="submit">保存</button>
          </form>
        </details>
      ) : null}

      {children.length > 0 || (canManage && ALLOWED_CHILDREN[agency.kind].length > 0) ? (
        <section aria-labelledby="children-h">
          <h2 id="children-h">下级机关</h2>
          {children.length === 0 ? (
            <p class="empty">暂无下级机关</p>
          ) : (
            <ul>
              {children.map((a) => (
                <li>
                  <a href={`/office/org/${a.id}`}>{a.name}</a>{' '}
                  <span class="muted">（{AGENCY_KIND_LABELS[a.kind]}）</span>
                </li>
              ))}
            </ul>
          )}
          {canManage && ALLOWED_CHILDREN[agency.kind].length > 0 ? (
            <details open={Boolean(forms.agency)}>
              <summary>新建下级机关</summary>
              <form method="post" action={`${base}/agencies`} novalidate>
                <Csrf token={csrf} />
                <FormError form={agencyForm} />
                <Field form={agencyForm} name="name" label="机关名称" required />
                <Field
                  form={agencyForm}
                  name="shortName"
                  label="简称"
                  required
                  hint="用于文号、索引号，如“哈拉直沟乡”"
                />
                <Field
                  form={agencyForm}
                  name="code"
                  label="机关代码"
                  required
                  hint="字母、数字、连字符，如 632126-HLZG"
                />
                <Select
                  form={agencyForm}
                  name="kind"
                  label="机关类型"
                  required
                  options={ALLOWED_CHILDREN[agency.kind].map((k) => ({
                    value: k,
                    label: AGENCY_KIND_LABELS[k],
                  }))}
                />
                <Submit>新建</Submit>
              </form>
            </details>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="offices-h">
        <h2 id="offices-h">站办所</h2>
        {offices.length === 0 ? (
          <p class="empty">暂无站办所</p>
        ) : (
          <div class="table-scroll" tabindex={0}>
            <table class="data">
              <thead>
                <tr>
                  <th scope="col">名称</th>
                  <th scope="col">排序</th>
                  <th scope="col">政府信息公开工作机构</th>
                  <th scope="col">负责人 / 代理审核人</th>
                  {canManage ? <th scope="col">操作</th> : null}
                </tr>
              </thead>
              <tbody>
                {offices.map((o) => (
                  <tr>
                    <td>{o.name}</td>
                    <td>{o.sortOrder}</td>
                    <td>{agency.disclosureOfficeId === o.id ? <span class="badge ok">是</span> : ''}</td>
                    <td>
                      <OfficeReviewers
                        office={o}
                        users={users}
                        canManage={canManage}
                        action={`${base}/offices/${o.id}/substitute`}
                        csrf={csrf}
                      />
                    </td>
                    {canManage ? (
                      <td>
                        {agency.disclosureOfficeId !== o.id ? (
                          <form method="post" action={`${base}/disclosure-office`} class="inline-form">
                            <Csrf token={csrf} />
                            <input type="hidden" name="officeId" value={String(o.id)} />
                            <button type="submit" class="link-button">
                              设为公开工作机构
                            </button>
                          </form>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {canManage ? (
          <form method="post" action={`${base}/offices`} novalidate class="filters">
            <Csrf token={csrf} />
            <FormError form={officeForm} />
            <Field form={officeForm} name="name" label="新站办所名称" required />
            <Field form={officeForm} name="sortOrder" label="排序" type="number" />
            <button type="submit">添加站办所</button>
          </form>
        ) : null}
      </section>

      {agency.kind === 'township' ? (
        <section aria-labelledby="villages-h">
          <h2 id="villages-h">村（{villages.length}）</h2>
          {villages.length === 0 ? (
            <p class="empty">暂无村</p>
          ) : (
            <p>
              {villages.map((v, i) => (
                <>
                  {i > 0 ? '、' : ''}
                  {v.name}
                </>
              ))}
            </p>
          )}
          {canManage ? (
            <form method="post" action={`${base}/villages`} novalidate class="filters">
              <Csrf token={csrf} />
              <FormError form={villageForm} />
              <Field form={villageForm} name="name" label="新村名称" required />
              <Field form={villageForm} name="code" label="村代码" />
              <button type="submit">添加村</button>
            </form>
          ) : null}
        </section>
      ) : null}

      <AgencyPeople page={page} forms={forms} csrf={csrf} />
    </>
  );
}
