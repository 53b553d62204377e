/** Back office of 主动公开: drafts, secrecy scan and masking, the review chain, publishing and channels. Routes are thin. */
import type { App, C } from '../../app-env.ts';
import { isVillageOnly } from '../../../org/access.ts';
import { currentUser, officePage } from '../../office-page.tsx';
import { emptyForm, type FormState } from '../../views/forms.tsx';
import { formData, pageParam, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { isDomainError, type ValidationError } from '../../../errors.ts';
import { getAgency, listOffices } from '../../../org/org.queries.ts';
import type { User } from '../../../org/org.ts';
import { columnHref } from '../../portal-scope.ts';
import { systemActor, type Ctx } from '../../../context.ts';
import {
  dueByOffice,
  ensureCatalogue,
  listCategories,
  officePublicationList,
  officePublicationPage,
} from '../../../publications/index.ts';
import { loadPublication } from '../../../publications/publication-context.ts';
import { createPublication, updatePublication } from '../../../publications/save-publication.ts';
import { maskPublication } from '../../../publications/mask-publication.ts';
import { addAttachments, removeAttachment } from '../../../publications/add-attachment.ts';
import { reassignReview } from '../../../publications/reassign-review.ts';
import { reviewPublication } from '../../../publications/review-publication.ts';
import { publishPublication } from '../../../publications/publish-publication.ts';
import { changeValidity, withdrawPublication } from '../../../publications/manage-published.ts';
import { recordChannel } from '../../../publications/record-channel.ts';
import { filesOf } from '../../stored-file.ts';
import { PublicationEditor, editorValues } from '../../views/publications/editor.tsx';
import { PublicationDetail, type DetailForms } from '../../views/publications/office-detail.tsx';
import { DueWidget, PublicationList } from '../../views/publications/office-list.tsx';
import { publicationOutputRoutes } from './publication-outputs.tsx';

const base = (id: number) => `/office/publications/${id}`;

/** A refused form, re-shown with what was typed: field errors (400), or a stale / simultaneous save or a state
 * that no longer allows the step (409, with who acted first, when, and the state now). Anything else is thrown. */
function formOfError(e: unknown, values: FormState['values']): FormState {
  if (isDomainError(e) && e.code === 'validation')
    return { values, errors: (e as ValidationError).fieldErrors ?? {}, message: e.message };
  if (isDomainError(e) && (e.code === 'conflict' || e.code === 'invalid_state'))
    return { values, errors: {}, message: e.message };
  throw e;
}
const statusOf = (e: unknown) => (isDomainError(e) && e.code !== 'validation' ? 409 : 400);

async function editorPage(c: C, form: FormState, id: number | null, status = 200) {
  const user = currentUser(c);
  const db = c.get('deps').db;
  await ensureCatalogue({ ...c.get('ctx'), actor: systemActor('公开目录') }, user.agencyId);
  const [categories, offices] = await Promise.all([
    listCategories(db, user.agencyId),
    listOffices(db, user.agencyId),
  ]);
  return officePage(
    c,
    id ? '修改政府信息' : '撰写政府信息',
    <PublicationEditor csrf={c.get('csrf')} form={form} id={id} categories={categories} offices={offices} />,
    status,
  );
}

async function detailPage(c: C, id: number, forms: DetailForms = {}, status = 200) {
  const page = await officePublicationPage(c.get('ctx'), id);
  // The item on the portal: at /p/N for the home agency, in its own column for any other agency.
  const portalHref = page.portal.isHome
    ? `/p/${id}`
    : columnHref(c.get('deps').config.columnPrefix, page.portal.agencyCode, `/p/${id}`);
  return officePage(
    c,
    page.p.title,
    <PublicationDetail
      page={page}
      forms={forms}
      csrf={c.get('csrf')}
      portalHref={portalHref}
      today={c.get('deps').clock.today()}
    />,
    status,
  );
}

/** Dashboard card: items due soon or overdue, per office (art. 26). */
export async function timelinessWidget(ctx: Ctx, user: User) {
  if (
    !user.roles.some((r) =>
      ['clerk', 'drafter', 'office_head', 'deputy_leader', 'principal_leader', 'liaison'].includes(r),
    ) ||
    isVillageOnly(user)
  )
    return null;
  return <DueWidget {...await dueByOffice(ctx, user)} />;
}

export function publicationOfficeRoutes(app: App): void {
  // An inspector above reads an agency below with ?agency=ID (read-only); anyone else sees their own agency.
  app.get('/office/publications', async (c) => {
    const list = await officePublicationList(c.get('ctx'), currentUser(c), c.req.query(), pageParam(c));
    return officePage(c, '主动公开', <PublicationList list={list} />);
  });

  app.get('/office/publications/new', async (c) => {
    const user = currentUser(c);
    const agency = await getAgency(c.get('deps').db, user.agencyId);
    return editorPage(
      c,
      emptyForm({
        issuer: agency.name,
        formedOn: c.get('deps').clock.today(),
        attribute: 'proactive',
        docKind: 'none',
        validity: 'in_force',
      }),
      null,
    );
  });

  app.post('/office/publications', async (c) => {
    const f = await formData(c);
    try {
      const id = await createPublication(c.get('ctx'), f);
      return redirectWithFlash(c, base(id), '草稿已保存');
    } catch (e) {
      return editorPage(c, formOfError(e, f), null, statusOf(e));
    }
  });

  app.get('/office/publications/:id{[0-9]+}', (c) => detailPage(c, Number(c.req.param('id'))));

  app.get('/office/publications/:id{[0-9]+}/edit', async (c) => {
    const { item } = await loadPublication(c.get('ctx'), Number(c.req.param('id')));
    return editorPage(c, emptyForm(editorValues(item)), item.id);
  });

  app.post('/office/publications/:id{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await updatePublication(c.get('ctx'), id, Number(str(f.version)), f);
      return redirectWithFlash(c, base(id), '已保存');
    } catch (e) {
      return editorPage(c, formOfError(e, f), id, statusOf(e));
    }
  });

  app.post('/office/publications/:id{[0-9]+}/mask', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    const n = await maskPublication(c.get('ctx'), id, Number(str(f.version)));
    return redirectWithFlash(c, base(id), n ? `已脱敏 ${n} 处` : '没有可自动脱敏的内容');
  });

  app.post('/office/publications/:id{[0-9]+}/attachments', async (c) => {
    const id = Number(c.req.param('id'));
    const body = await c.req.parseBody({ all: true });
    const raw = body['files'];
    const list = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter(
      (x): x is File => typeof x !== 'string' && x.size > 0,
    );
    try {
      if (!list.length) return redirectWithFlash(c, base(id), '请选择要上传的文件');
      const files = await Promise.all(
        list.map(async (x) => ({ name: x.name, bytes: new Uint8Array(await x.arrayBuffer()) })),
      );
      await addAttachments(c.get('ctx'), filesOf(c), id, files);
      return redirectWithFlash(c, base(id), `已上传 ${files.length} 个附件`);
    } catch (e) {
      return detailPage(c, id, { attach: formOfError(e, {}) }, statusOf(e));
    }
  });

  app.post('/office/publications/:id{[0-9]+}/attachments/:att{[0-9]+}/delete', async (c) => {
    const id = Number(c.req.param('id'));
    await removeAttachment(c.get('ctx'), filesOf(c), id, Number(c.req.param('att')));
    return redirectWithFlash(c, base(id), '附件已删除');
  });

  app.post('/office/publications/:id{[0-9]+}/review', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await reviewPublication(c.get('ctx'), id, f);
      return redirectWithFlash(c, base(id), str(f.action) === 'return' ? '已退回' : '已签批');
    } catch (e) {
      return detailPage(c, id, { review: formOfError(e, f) }, statusOf(e));
    }
  });

  app.post('/office/publications/:id{[0-9]+}/reassign', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await reassignReview(c.get('ctx'), id, f);
      return redirectWithFlash(c, base(id), '已指派，被指派人已收到提醒');
    } catch (e) {
      return detailPage(c, id, { reassign: formOfError(e, f) }, statusOf(e));
    }
  });

  app.post('/office/publications/:id{[0-9]+}/publish', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      const r = await publishPublication(c.get('ctx'), id, Number(str(f.version)));
      return redirectWithFlash(c, base(id), `已发布，索引号 ${r.indexNo}`);
    } catch (e) {
      if (!isDomainError(e) || e.code !== 'invalid_state') throw e;
      return detailPage(c, id, { publish: { values: f, errors: {}, message: e.message } }, 409);
    }
  });

  app.post('/office/publications/:id{[0-9]+}/withdraw', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    await withdrawPublication(c.get('ctx'), id, Number(str(f.version)), str(f.reason));
    return redirectWithFlash(c, base(id), '已从门户网站撤回');
  });

  app.post('/office/publications/:id{[0-9]+}/validity', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await changeValidity(c.get('ctx'), id, Number(str(f.version)), f);
      return redirectWithFlash(c, base(id), '有效性已变更');
    } catch (e) {
      return detailPage(c, id, { validity: formOfError(e, f) }, statusOf(e));
    }
  });

  app.post('/office/publications/:id{[0-9]+}/channels', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await recordChannel(c.get('ctx'), id, f);
    } catch (e) {
      return detailPage(c, id, { channel: formOfError(e, f) }, statusOf(e));
    }
    return redirectWithFlash(c, base(id), '已记录发布渠道');
  });

  publicationOutputRoutes(app);
}
