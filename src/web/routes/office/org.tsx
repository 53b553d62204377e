import type { App, C } from '../../app-env.ts';
import { setOfficeSubstitute } from '../../../org/set-office-substitute.ts';
import { OfficeReviewers } from '../../views/office-reviewers.tsx';
import { currentActor, currentUser, officePage } from '../../office-page.tsx';
import {
  Checkboxes,
  Csrf,
  Field,
  FormError,
  Select,
  Submit,
  emptyForm,
  type FormState,
} from '../../views/forms.tsx';
import { formData, list, optId, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { assertCan, NotFoundError, ValidationError, isDomainError } from '../../../errors.ts';
import { orgPolicy } from '../../../org/org.policy.ts';
import {
  agencyScope,
  getAgency,
  getUser,
  listAgencies,
  listOffices,
  listUsers,
  listVillages,
} from '../../../org/org.queries.ts';
import { createOffice, createVillage, updateOffice, updateVillage } from '../../../org/manage-units.ts';
import { createUser, resetPassword, updateUser } from '../../../org/manage-users.ts';
import { createAgency, setDisclosureOffice, updateAgency } from '../../../org/manage-agency.ts';
import { importUsers, importVillages, type ImportResult } from '../../../org/import-csv.ts';
import { ROLES, ROLE_LABELS } from '../../../org/roles.ts';
import { AGENCY_KINDS, AGENCY_KIND_LABELS, ALLOWED_CHILDREN, type Agency } from '../../../org/org.ts';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

async function loadVisibleAgency(c: C, id: number): Promise<Agency> {
  const agency = await getAgency(c.var.deps.db, id).catch(() => {
    throw new NotFoundError();
  });
  assertCan(orgPolicy.view(c.var.ctx.actor, await agencyScope(c.var.deps.db, id)), { hide: true });
  return agency;
}

function userFormValues(f: Record<string, string | string[]>) {
  return {
    username: str(f.username),
    displayName: str(f.displayName),
    roles: list(f.roles),
    officeId: optId(f.officeId),
    villageId: optId(f.villageId),
    phone: str(f.phone),
    email: str(f.email),
  };
}

async function orgPage(
  c: C,
  agencyId: number,
  forms: {
    user?: FormState;
    office?: FormState;
    village?: FormState;
    agency?: FormState;
    rename?: FormState;
    importResult?: ImportResult & { kind: string };
  } = {},
  status = 200,
) {
  const db = c.var.deps.db;
  const actor = c.var.ctx.actor;
  const agency = await loadVisibleAgency(c, agencyId);
  const scope = await agencyScope(db, agencyId);
  const canManage = orgPolicy.manage(actor, scope);
  const [offices, villages, users, all] = await Promise.all([
    listOffices(db, agencyId),
    listVillages(db, agencyId),
    listUsers(db, agencyId),
    listAgencies(db),
  ]);
  const children = all.filter((a) => a.parentId === agencyId);
  const parent = all.find((a) => a.id === agency.parentId);
  const officeName = new Map(offices.map((o) => [o.id, o.name]));
  const villageName = new Map(villages.map((v) => [v.id, v.name]));
  const base = `/office/org/${agencyId}`;
  const userForm = forms.user ?? emptyForm({ roles: [] });
  const ir = forms.importResult;
  return officePage(
    c,
    `组织与用户 - ${agency.name}`,
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
            <Csrf token={c.var.csrf} />
            <FormError form={forms.rename ?? emptyForm()} />
            <Field
              form={forms.rename ?? emptyForm({ name: agency.name, shortName: agency.shortName })}
              name="name"
              label="机关名称"
              required
            />
            <Field
              form={forms.rename ?? emptyForm({ name: agency.name, shortName: agency.shortName })}
              name="shortName"
              label="简称"
              required
            />
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
                <Csrf token={c.var.csrf} />
                <FormError form={forms.agency ?? emptyForm()} />
                <Field form={forms.agency ?? emptyForm()} name="name" label="机关名称" required />
                <Field
                  form={forms.agency ?? emptyForm()}
                  name="shortName"
                  label="简称"
                  required
                  hint="用于文号、索引号，如“哈拉直沟乡”"
                />
                <Field
                  form={forms.agency ?? emptyForm()}
                  name="code"
                  label="机关代码"
                  required
                  hint="字母、数字、连字符，如 632126-HLZG"
                />
                <Select
                  form={forms.agency ?? emptyForm()}
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
                        csrf={c.var.csrf}
                      />
                    </td>
                    {canManage ? (
                      <td>
                        {agency.disclosureOfficeId !== o.id ? (
                          <form method="post" action={`${base}/disclosure-office`} class="inline-form">
                            <Csrf token={c.var.csrf} />
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
            <Csrf token={c.var.csrf} />
            <FormError form={forms.office ?? emptyForm()} />
            <Field form={forms.office ?? emptyForm()} name="name" label="新站办所名称" required />
            <Field form={forms.office ?? emptyForm()} name="sortOrder" label="排序" type="number" />
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
              <Csrf token={c.var.csrf} />
              <FormError form={forms.village ?? emptyForm()} />
              <Field form={forms.village ?? emptyForm()} name="name" label="新村名称" required />
              <Field form={forms.village ?? emptyForm()} name="code" label="村代码" />
              <button type="submit">添加村</button>
            </form>
          ) : null}
        </section>
      ) : null}

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
              <Csrf token={c.var.csrf} />
              <FormError form={userForm} />
              <Field form={userForm} name="username" label="用户名" required autocomplete="off" />
              <Field form={userForm} name="displayName" label="姓名" required />
              <Checkboxes form={userForm} name="roles" legend="角色" options={roleOptions} />
              <Select
                form={userForm}
                name="officeId"
                label="站办所"
                blank="（无）"
                options={offices.map((o) => ({ value: String(o.id), label: o.name }))}
              />
              <Select
                form={userForm}
                name="villageId"
                label="村"
                blank="（无）"
                options={villages.map((v) => ({ value: String(v.id), label: v.name }))}
              />
              <Field form={userForm} name="phone" label="手机" type="tel" inputmode="tel" />
              <Field form={userForm} name="email" label="电子邮箱" type="email" />
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
                <Csrf token={c.var.csrf} />
                <h3>导入村</h3>
                <p class="hint">表头：名称,代码,排序</p>
                <label for="vfile">CSV 文件</label>
                <input id="vfile" type="file" name="file" accept=".csv,text/csv" required />
                <Submit>导入</Submit>
              </form>
            ) : null}
            <form method="post" action={`${base}/import/users`} enctype="multipart/form-data" class="card">
              <Csrf token={c.var.csrf} />
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
    </>,
    status,
  );
}

function handleValidation(e: unknown, values: FormState['values']): FormState {
  if (e instanceof ValidationError) return { values, errors: e.fieldErrors, message: e.message };
  if (isDomainError(e) && e.code !== 'forbidden' && e.code !== 'not_found')
    return { values, errors: {}, message: e.message };
  throw e;
}

async function readCsvUpload(c: C): Promise<string> {
  const body = await c.req.parseBody();
  const file = body['file'];
  if (!(file instanceof File) || file.size === 0) throw new ValidationError('请选择要导入的 CSV 文件');
  if (file.size > 2 * 1024 * 1024) throw new ValidationError('CSV 文件不能超过 2 MB');
  const bytes = new Uint8Array(await file.arrayBuffer());
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gbk').decode(bytes);
    } catch {
      throw new ValidationError('无法识别文件编码，请另存为 UTF-8 编码的 CSV');
    }
  }
}

export function orgRoutes(app: App): void {
  app.get('/office/org', (c) => c.redirect(`/office/org/${currentUser(c).agencyId}`, 303));
  app.get('/office/org/:agencyId{[0-9]+}', (c) => orgPage(c, Number(c.req.param('agencyId'))));

  app.post('/office/org/:agencyId{[0-9]+}/offices', async (c) => {
    const id = Number(c.req.param('agencyId'));
    const f = await formData(c);
    const values = { name: str(f.name), sortOrder: str(f.sortOrder) };
    try {
      await createOffice(c.var.ctx, id, { name: values.name, sortOrder: Number(values.sortOrder || 0) });
    } catch (e) {
      return orgPage(c, id, { office: handleValidation(e, values) }, 400);
    }
    return redirectWithFlash(c, `/office/org/${id}`, `已添加站办所“${values.name}”`);
  });

  app.post('/office/org/:agencyId{[0-9]+}/villages', async (c) => {
    const id = Number(c.req.param('agencyId'));
    const f = await formData(c);
    const values = { name: str(f.name), code: str(f.code) };
    try {
      await createVillage(c.var.ctx, id, { ...values, sortOrder: 0 });
    } catch (e) {
      return orgPage(c, id, { village: handleValidation(e, values) }, 400);
    }
    return redirectWithFlash(c, `/office/org/${id}`, `已添加村“${values.name}”`);
  });

  app.post('/office/org/:agencyId{[0-9]+}/agencies', async (c) => {
    const id = Number(c.req.param('agencyId'));
    const f = await formData(c);
    const values = { name: str(f.name), shortName: str(f.shortName), code: str(f.code), kind: str(f.kind) };
    let created: Agency;
    try {
      created = await createAgency(c.var.ctx, {
        ...values,
        parentId: id,
        isPeopleGovernment: values.kind === 'township' || values.kind === 'county',
      });
    } catch (e) {
      return orgPage(c, id, { agency: handleValidation(e, values) }, 400);
    }
    return redirectWithFlash(c, `/office/org/${created.id}`, `已新建“${created.name}”`);
  });

  app.post('/office/org/:agencyId{[0-9]+}/rename', async (c) => {
    const id = Number(c.req.param('agencyId'));
    const f = await formData(c);
    const values = { name: str(f.name), shortName: str(f.shortName) };
    try {
      await updateAgency(c.var.ctx, id, values);
    } catch (e) {
      return orgPage(c, id, { rename: handleValidation(e, values) }, 400);
    }
    return redirectWithFlash(c, `/office/org/${id}`, '已修改机关名称');
  });

  app.post('/office/org/:agencyId{[0-9]+}/disclosure-office', async (c) => {
    const id = Number(c.req.param('agencyId'));
    const f = await formData(c);
    await setDisclosureOffice(c.var.ctx, id, Number(str(f.officeId)));
    return redirectWithFlash(c, `/office/org/${id}`, '已设置政府信息公开工作机构');
  });

  app.post('/office/org/:agencyId{[0-9]+}/offices/:officeId{[0-9]+}/substitute', async (c) => {
    const id = Number(c.req.param('agencyId'));
    const f = await formData(c);
    const userId = str(f.userId) ? Number(str(f.userId)) : null;
    await setOfficeSubstitute(c.var.ctx, id, Number(c.req.param('officeId')), userId);
    return redirectWithFlash(c, `/office/org/${id}`, userId ? '已设置代理审核人' : '已取消代理审核人');
  });

  app.post('/office/org/:agencyId{[0-9]+}/users', async (c) => {
    const id = Number(c.req.param('agencyId'));
    const f = await formData(c);
    const values = userFormValues(f);
    try {
      const r = await createUser(c.var.ctx, id, values);
      return orgPage(c, id, {
        importResult: {
          kind: '用户',
          imported: 1,
          errors: [],
          passwords: [
            { username: r.user.username, displayName: r.user.displayName, password: r.oneTimePassword ?? '' },
          ],
        },
      });
    } catch (e) {
      return orgPage(
        c,
        id,
        { user: handleValidation(e, { ...values, officeId: str(f.officeId), villageId: str(f.villageId) }) },
        400,
      );
    }
  });

  for (const kind of ['villages', 'users'] as const) {
    app.post(`/office/org/:agencyId{[0-9]+}/import/${kind}`, async (c) => {
      const id = Number(c.req.param('agencyId'));
      const label = kind === 'villages' ? '村' : '用户';
      try {
        const text = await readCsvUpload(c);
        const r =
          kind === 'villages'
            ? await importVillages(c.var.ctx, id, text)
            : await importUsers(c.var.ctx, id, text);
        return orgPage(c, id, { importResult: { ...r, kind: label } }, r.errors.length ? 400 : 200);
      } catch (e) {
        if (e instanceof ValidationError) {
          return orgPage(
            c,
            id,
            {
              importResult: {
                kind: label,
                imported: 0,
                errors: [{ line: 1, message: e.message }],
                passwords: [],
              },
            },
            400,
          );
        }
        throw e;
      }
    });
  }

  const userPage = async (c: C, userId: number, form?: FormState, status = 200, oneTime?: string) => {
    const db = c.var.deps.db;
    const u = await getUser(db, userId).catch(() => {
      throw new NotFoundError();
    });
    assertCan(orgPolicy.manage(currentActor(c), await agencyScope(db, u.agencyId)), { hide: true });
    const [offices, villages] = await Promise.all([
      listOffices(db, u.agencyId),
      listVillages(db, u.agencyId),
    ]);
    const f =
      form ??
      emptyForm({
        displayName: u.displayName,
        roles: u.roles,
        officeId: u.officeId ? String(u.officeId) : '',
        villageId: u.villageId ? String(u.villageId) : '',
        phone: u.phone ?? '',
        email: u.email ?? '',
        isActive: u.isActive ? '1' : '0',
      });
    return officePage(
      c,
      `用户 ${u.username}`,
      <>
        <p>
          <a href={`/office/org/${u.agencyId}`}>← 返回组织与用户</a>
        </p>
        <h1>
          用户 {u.username}（{u.displayName}）
        </h1>
        {oneTime ? (
          <div class="flash" role="status">
            新的一次性密码（只显示这一次）：<code>{oneTime}</code>
          </div>
        ) : null}
        <form method="post" action={`/office/org/users/${u.id}`} novalidate>
          <Csrf token={c.var.csrf} />
          <FormError form={f} />
          <Field form={f} name="displayName" label="姓名" required />
          <Checkboxes form={f} name="roles" legend="角色" options={roleOptions} />
          <Select
            form={f}
            name="officeId"
            label="站办所"
            blank="（无）"
            options={offices.map((o) => ({ value: String(o.id), label: o.name }))}
          />
          <Select
            form={f}
            name="villageId"
            label="村"
            blank="（无）"
            options={villages.map((v) => ({ value: String(v.id), label: v.name }))}
          />
          <Field form={f} name="phone" label="手机" type="tel" />
          <Field form={f} name="email" label="电子邮箱" type="email" />
          <Select
            form={f}
            name="isActive"
            label="状态"
            options={[
              { value: '1', label: '正常' },
              { value: '0', label: '停用' },
            ]}
          />
          <Submit>保存</Submit>
        </form>
        <h2>重置密码</h2>
        <form method="post" action={`/office/org/users/${u.id}/reset-password`}>
          <Csrf token={c.var.csrf} />
          <p class="hint">生成新的一次性密码并解除锁定；该用户下次登录时须修改密码。</p>
          <button type="submit" data-confirm="确定要重置该用户的密码吗？">
            重置密码
          </button>
        </form>
      </>,
      status,
    );
  };

  app.get('/office/org/users/:id{[0-9]+}', (c) => userPage(c, Number(c.req.param('id'))));
  app.post('/office/org/users/:id{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    const values = userFormValues(f);
    try {
      await updateUser(c.var.ctx, id, values, str(f.isActive) !== '0');
    } catch (e) {
      return userPage(
        c,
        id,
        handleValidation(e, {
          ...values,
          officeId: str(f.officeId),
          villageId: str(f.villageId),
          isActive: str(f.isActive),
        }),
        400,
      );
    }
    const u = await getUser(c.var.deps.db, id);
    return redirectWithFlash(c, `/office/org/${u.agencyId}`, `已保存用户“${u.username}”`);
  });
  app.post('/office/org/users/:id{[0-9]+}/reset-password', async (c) => {
    const id = Number(c.req.param('id'));
    const pw = await resetPassword(c.var.ctx, id);
    return userPage(c, id, undefined, 200, pw);
  });

  app.post('/office/org/offices/:id{[0-9]+}', async (c) => {
    const f = await formData(c);
    await updateOffice(c.var.ctx, Number(c.req.param('id')), {
      name: str(f.name),
      sortOrder: Number(str(f.sortOrder) || 0),
    });
    return redirectWithFlash(c, '/office/org', '已保存');
  });
  app.post('/office/org/villages/:id{[0-9]+}', async (c) => {
    const f = await formData(c);
    await updateVillage(c.var.ctx, Number(c.req.param('id')), {
      name: str(f.name),
      code: str(f.code),
      sortOrder: Number(str(f.sortOrder) || 0),
    });
    return redirectWithFlash(c, '/office/org', '已保存');
  });
}

export { AGENCY_KINDS };
