/** 组织与用户: an agency's users (with the new-user form) and the CSV import with its result. Pure. */
import type { AgencyOrgPage } from '../../../org/org-pages.ts';
import { ROLE_LABELS } from '../../../org/roles.ts';
import { Csrf, FormError, Field, Submit, emptyForm } from '../forms.tsx';
import type { OrgForms } from './agency-org.tsx';
import { UserFields } from './user-fields.tsx';

export function AgencyPeople({ page, forms, csrf }: { page: AgencyOrgPage; forms: OrgForms; csrf: string }) {
  const { agency, canManage, offices, villages, users } = page;
  const base = `/office/org/${agency.id}`;
  const officeName = new Map(offices.map((o) => [o.id, o.name]));
  const villageName = new Map(villages.map((v) => [v.id, v.name]));
  const userForm = forms.user ?? emptyForm({ roles: [] });
  const ir = forms.importResult;
  return (
    <>
      <section aria-labelledby="users-h">
        <h2 id="users-h">用户（{users.length}）</h2>
        <div class="table-scroll" tabindex={0}>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">用户名</th>
                <th scope="col">姓名</th>
                <th scope="col">角色</th>
                <th scope="col">所在站办所/村</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr>
                  <td>{canManage ? <a href={`/office/org/users/${u.id}`}>{u.username}</a> : u.username}</td>
                  <td>{u.displayName}</td>
                  <td>{u.roles.map((r) => ROLE_LABELS[r]).join('、')}</td>
                  <td>
                    {[
                      u.officeId ? officeName.get(u.officeId) : '',
                      u.villageId ? villageName.get(u.villageId) : '',
                    ]
                      .filter(Boolean)
                      .join(' / ')}
                  </td>
                  <td>
                    {!u.isActive ? (
                      <span class="badge err">已停用</span>
                    ) : u.mustChangePassword ? (
                      <span class="badge warn">待改密码</span>
                    ) : (
                      <span class="badge ok">正常</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canManage ? (
          <details open={Boolean(forms.user)}>
            <summary>新建用户</summary>
            <form method="post" action={`${base}/users`} novalidate>
              <Csrf token={csrf} />
              <FormError form={userForm} />
              <Field form={userForm} name="username" label="用户名" required autocomplete="off" />
              <UserFields form={userForm} offices={offices} villages={villages} phoneInputmode="tel" />
              <p class="hint">系统将生成一次性密码，用户首次登录时须修改。</p>
              <Submit>新建用户</Submit>
            </form>
          </details>
        ) : null}
      </section>

      {canManage ? (
        <section aria-labelledby="import-h">
          <h2 id="import-h">批量导入（CSV）</h2>
          {ir ? (
            ir.errors.length ? (
              <div class="form-error" role="alert">
                <p>
                  {ir.kind}导入失败，文件中有 {ir.errors.length} 行有误，未导入任何数据。请修改后重新上传：
                </p>
                <ul>
                  {ir.errors.map((e) => (
                    <li>
                      第{e.line}行：{e.message}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <div class="flash" role="status">
                <p>
                  已导入{ir.kind} {ir.imported} 条。
                </p>
                {ir.passwords.length ? (
                  <>
                    <p>以下一次性密码只显示这一次，请分发给本人，首次登录须修改：</p>
                    <table class="data">
                      <thead>
                        <tr>
                          <th scope="col">用户名</th>
                          <th scope="col">姓名</th>
                          <th scope="col">一次性密码</th>
                        </tr>
                      </thead>
                      <tbody>
                        {ir.passwords.map((p) => (
                          <tr>
                            <td>{p.username}</td>
                            <td>{p.displayName}</td>
                            <td>
                              <code>{p.password}</code>
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </>
                ) : null}
              </div>
            )
          ) : null}
          <div class="cards">
            {agency.kind === 'township' ? (
              <form
                method="post"
                action={`${base}/import/villages`}
                enctype="multipart/form-data"
                class="card"
              >
                <Csrf token={csrf} />
                <h3>导入村</h3>
                <p class="hint">表头：名称,代码,排序</p>
                <label for="vfile">CSV 文件</label>
                <input id="vfile" type="file" name="file" accept=".csv,text/csv" required />
                <Submit>导入</Submit>
              </form>
            ) : null}
            <form method="post" action={`${base}/import/users`} enctype="multipart/form-data" class="card">
              <Csrf token={csrf} />
              <h3>导入用户</h3>
              <p class="hint">
                表头：用户名,姓名,角色,站办所,村,电话,邮箱（角色可写中文名称，多个用分号分隔）
              </p>
              <label for="ufile">CSV 文件</label>
              <input id="ufile" type="file" name="file" accept=".csv,text/csv" required />
              <Submit>导入</Submit>
            </form>
          </div>
        </section>
      ) : null}
    </>
  );
}
