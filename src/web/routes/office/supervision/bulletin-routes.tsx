/** 每月通报 pages: list (draft a month), edit, export DOCX, publish; the public list of published bulletins. */
import type { App, C } from '../../../app-env.ts';
import { currentUser, officePage } from '../../../office-page.tsx';
import {
  Csrf,
  Field,
  FormError,
  Submit,
  TextArea,
  emptyForm,
  type FormState,
} from '../../../views/forms.tsx';
import { str } from '../../../form.ts';
import { redirectWithFlash } from '../../../render.tsx';
import { assertCan, NotFoundError, parseInput } from '../../../../errors.ts';
import { agencyScope, findAgency } from '../../../../org/org.queries.ts';
import { attachment } from '../../../../documents/xlsx.ts';
import { DOCX_TYPE } from '../../../../documents/docx.ts';
import { businessDate } from '../../../../clock.ts';
import { supervisionPolicy } from '../../../../supervision/supervision.policy.ts';
import {
  EditBulletinInput,
  editBulletin,
  findBulletin,
  generateBulletin,
  listBulletins,
  previousMonth,
  publishBulletin,
} from '../../../../supervision/bulletin.ts';
import { bulletinDocx } from '../../../../supervision/bulletin-docx.ts';
import { AgencyPicker, BASE, agencyChoices, agencyOf, beijing, fieldsOf, formOf } from './shared.tsx';

const B = `${BASE}/bulletins`;

async function listPage(c: C, form: FormState, status = 200) {
  const db = c.get('deps').db;
  const agencyId = agencyOf(c);
  const scope = await agencyScope(db, agencyId);
  assertCan(supervisionPolicy.read(c.get('ctx').actor, scope), { hide: true });
  const items = await listBulletins(db, agencyId);
  const manage = supervisionPolicy.manage(c.get('ctx').actor, scope);
  const f = { ...form, values: { period: previousMonth(c.get('ctx').clock.today()), ...form.values } };
  return officePage(
    c,
    '每月通报',
    <>
      <h1>每月通报</h1>
      <AgencyPicker choices={await agencyChoices(c)} current={agencyId} action={B} />
      <p class="muted">
        每月1日由系统根据整改台账和公开记录起草上月通报，经人工审改后导出（公文格式DOCX）或发布。
      </p>
      {items.length === 0 ? (
        <p class="empty">暂无通报</p>
      ) : (
        <table class="data" id="bulletins">
          <thead>
            <tr>
              <th scope="col">月份</th>
              <th scope="col">标题</th>
              <th scope="col">状态</th>
            </tr>
          </thead>
          <tbody>
            {items.map((b) => (
              <tr>
                <td>{b.period}</td>
                <td>
                  <a href={`${B}/${b.period}?agency=${agencyId}`}>{b.title}</a>
                </td>
                <td>
                  {b.status === 'published' ? '已发布' : b.isEdited ? '已审改，未发布' : '系统起草，待审改'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {manage ? (
        <form method="post" action={B} novalidate class="inline-form">
          <Csrf token={c.get('csrf')} />
          <FormError form={f} />
          <Field
            form={f}
            name="period"
            label="起草（或重新起草）月份"
            hint="如 2026-10；已人工修改的正文不会被覆盖"
          />
          <Submit>起草通报</Submit>
        </form>
      ) : null}
    </>,
    status,
  );
}

async function bulletinPage(c: C, period: string, form: FormState, status = 200) {
  const db = c.get('deps').db;
  const agencyId = agencyOf(c);
  const scope = await agencyScope(db, agencyId);
  assertCan(supervisionPolicy.read(c.get('ctx').actor, scope), { hide: true });
  const b = await findBulletin(db, agencyId, period);
  if (!b) throw new NotFoundError('未找到该通报');
  const manage = supervisionPolicy.manage(c.get('ctx').actor, scope);
  const f = { ...form, values: { title: b.title, bodyText: b.bodyText, ...form.values } };
  const q = `?agency=${agencyId}`;
  return officePage(
    c,
    b.title,
    <>
      <p>
        <a href={`${B}${q}`}>← 每月通报</a>
      </p>
      <h1>{b.title}</h1>
      <p class="muted">
        系统起草于{beijing(b.generatedAt)}
        {b.editedByName ? `，${b.editedByName}审改` : ''}
        {b.publishedAt ? `，${beijing(b.publishedAt)}发布` : ''}
      </p>
      <p>
        <a class="button" href={`${B}/${period}/docx${q}`}>
          导出DOCX（公文格式）
        </a>
      </p>
      {manage && b.status !== 'published' ? (
        <>
          <form method="post" action={`${B}/${period}`} novalidate>
            <Csrf token={c.get('csrf')} />
            <FormError form={f} />
            <input type="hidden" name="version" value={String(b.version)} />
            <Field form={f} name="title" label="标题" required />
            <TextArea
              form={f}
              name="bodyText"
              label="正文"
              required
              rows={18}
              hint="“一、”开头的行为一级标题"
            />
            <Submit>保存修改</Submit>
          </form>
          <form method="post" action={`${B}/${period}/publish`}>
            <Csrf token={c.get('csrf')} />
            <button type="submit">发布通报</button>
          </form>
          {b.isEdited && b.draftText !== b.bodyText ? (
            <details>
              <summary>系统最新起草稿（供对照）</summary>
              <pre class="prose">{b.draftText}</pre>
            </details>
          ) : null}
        </>
      ) : (
        <div class="prose" id="bulletin-body">
          {b.bodyText.split('\n').map((l) => (
            <p>{l}</p>
          ))}
        </div>
      )}
    </>,
    status,
  );
}

export function bulletinRoutes(app: App): void {
  app.get(B, (c) => listPage(c, emptyForm()));
  app.post(B, async (c) => {
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    const period = str(f.period).trim();
    try {
      await generateBulletin(c.get('ctx'), currentUser(c).agencyId, period);
      return redirectWithFlash(c, `${B}/${period}`, '通报已起草');
    } catch (e) {
      return listPage(c, formOf(e, f), 400);
    }
  });
  const PERIOD = ':period{[0-9]{4}-[0-9]{2}}';
  app.get(`${B}/${PERIOD}`, (c) => bulletinPage(c, c.req.param('period'), emptyForm()));
  app.post(`${B}/${PERIOD}`, async (c) => {
    const period = c.req.param('period');
    const f = fieldsOf(await c.req.parseBody({ all: true }));
    try {
      await editBulletin(
        c.get('ctx'),
        currentUser(c).agencyId,
        period,
        parseInput(EditBulletinInput, {
          version: Number(str(f.version)),
          title: str(f.title),
          bodyText: str(f.bodyText),
        }),
      );
      return redirectWithFlash(c, `${B}/${period}`, '通报已保存');
    } catch (e) {
      return bulletinPage(c, period, formOf(e, f), 400);
    }
  });
  app.post(`${B}/${PERIOD}/publish`, async (c) => {
    const period = c.req.param('period');
    await publishBulletin(c.get('ctx'), currentUser(c).agencyId, period);
    return redirectWithFlash(c, `${B}/${period}`, '通报已发布');
  });
  app.get(`${B}/${PERIOD}/docx`, async (c) => {
    const db = c.get('deps').db;
    const agencyId = agencyOf(c);
    assertCan(supervisionPolicy.read(c.get('ctx').actor, await agencyScope(db, agencyId)), { hide: true });
    const b = await findBulletin(db, agencyId, c.req.param('period'));
    if (!b) throw new NotFoundError('未找到该通报');
    const agency = (await findAgency(db, agencyId))!;
    const buf = await bulletinDocx(b, {
      agencyName: agency.name,
      issueNo: Number(b.period.slice(5)),
      issuedOn: businessDate(new Date(b.publishedAt ?? b.generatedAt)),
    });
    return new Response(new Uint8Array(buf), {
      headers: { 'Content-Type': DOCX_TYPE, 'Content-Disposition': attachment(`${b.title}.docx`) },
    });
  });
}
