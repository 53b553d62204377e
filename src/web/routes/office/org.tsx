/** 组织与用户 in the back office: agencies, offices, villages, users, CSV import. Thin: parse → use case → present. */
import type { App, C } from '../../app-env.ts';
import { setOfficeSubstitute } from '../../../org/set-office-substitute.ts';
import { currentActor, currentUser, officePage } from '../../office-page.tsx';
import { emptyForm, type FormState } from '../../views/forms.tsx';
import { formData, list, optId, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { ValidationError, isDomainError } from '../../../errors.ts';
import { getUser } from '../../../org/org.queries.ts';
import { agencyOrgPage, userOrgPage } from '../../../org/org-pages.ts';
import { createOffice, createVillage, updateOffice, updateVillage } from '../../../org/manage-units.ts';
import { createUser, resetPassword, updateUser } from '../../../org/manage-users.ts';
import { createAgency, setDisclosureOffice, updateAgency } from '../../../org/manage-agency.ts';
import { importUsers, importVillages } from '../../../org/import-csv.ts';
import { AGENCY_KINDS, type Agency } from '../../../org/org.ts';
import { AgencyOrg, type OrgForms } from '../../views/org/agency-org.tsx';
import { UserOrg } from '../../views/org/user-org.tsx';

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

async function orgPage(c: C, agencyId: number, forms: OrgForms = {}, status = 200) {
  const page = await agencyOrgPage(c.get('deps').db, c.get('ctx').actor, agencyId);
  return officePage(
    c,
    `组织与用户 - ${page.agency.name}`,
    <AgencyOrg page={page} forms={forms} csrf={c.get('csrf')} />,
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
      await createOffice(c.get('ctx'), id, { name: values.name, sortOrder: Number(values.sortOrder || 0) });
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
      await createVillage(c.get('ctx'), id, { ...values, sortOrder: 0 });
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
      created = await createAgency(c.get('ctx'), {
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
      await updateAgency(c.get('ctx'), id, values);
    } catch (e) {
      return orgPage(c, id, { rename: handleValidation(e, values) }, 400);
    }
    return redirectWithFlash(c, `/office/org/${id}`, '已修改机关名称');
  });

  app.post('/office/org/:agencyId{[0-9]+}/disclosure-office', async (c) => {
    const id = Number(c.req.param('agencyId'));
    const f = await formData(c);
    await setDisclosureOffice(c.get('ctx'), id, Number(str(f.officeId)));
    return redirectWithFlash(c, `/office/org/${id}`, '已设置政府信息公开工作机构');
  });

  app.post('/office/org/:agencyId{[0-9]+}/offices/:officeId{[0-9]+}/substitute', async (c) => {
    const id = Number(c.req.param('agencyId'));
    const f = await formData(c);
    const userId = str(f.userId) ? Number(str(f.userId)) : null;
    await setOfficeSubstitute(c.get('ctx'), id, Number(c.req.param('officeId')), userId);
    return redirectWithFlash(c, `/office/org/${id}`, userId ? '已设置代理审核人' : '已取消代理审核人');
  });

  app.post('/office/org/:agencyId{[0-9]+}/users', async (c) => {
    const id = Number(c.req.param('agencyId'));
    const f = await formData(c);
    const values = userFormValues(f);
    try {
      const r = await createUser(c.get('ctx'), id, values);
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
            ? await importVillages(c.get('ctx'), id, text)
            : await importUsers(c.get('ctx'), id, text);
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
    const page = await userOrgPage(c.get('deps').db, currentActor(c), userId);
    const u = page.u;
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
      <UserOrg page={page} form={f} csrf={c.get('csrf')} oneTime={oneTime} />,
      status,
    );
  };

  app.get('/office/org/users/:id{[0-9]+}', (c) => userPage(c, Number(c.req.param('id'))));
  app.post('/office/org/users/:id{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    const values = userFormValues(f);
    try {
      await updateUser(c.get('ctx'), id, values, str(f.isActive) !== '0');
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
    const u = await getUser(c.get('deps').db, id);
    return redirectWithFlash(c, `/office/org/${u.agencyId}`, `已保存用户“${u.username}”`);
  });
  app.post('/office/org/users/:id{[0-9]+}/reset-password', async (c) => {
    const id = Number(c.req.param('id'));
    const pw = await resetPassword(c.get('ctx'), id);
    return userPage(c, id, undefined, 200, pw);
  });

  app.post('/office/org/offices/:id{[0-9]+}', async (c) => {
    const f = await formData(c);
    await updateOffice(c.get('ctx'), Number(c.req.param('id')), {
      name: str(f.name),
      sortOrder: Number(str(f.sortOrder) || 0),
    });
    return redirectWithFlash(c, '/office/org', '已保存');
  });
  app.post('/office/org/villages/:id{[0-9]+}', async (c) => {
    const f = await formData(c);
    await updateVillage(c.get('ctx'), Number(c.req.param('id')), {
      name: str(f.name),
      code: str(f.code),
      sortOrder: Number(str(f.sortOrder) || 0),
    });
    return redirectWithFlash(c, '/office/org', '已保存');
  });
}

export { AGENCY_KINDS };
