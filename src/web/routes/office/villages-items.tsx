/**
 * Back office of one village item: the liaison's phone form (autosave, XLSX import, photos, scan and one-tap
 * masking, submit), the 监委会 opinion, the township review, the board sheet and board photos, and the item's
 * objections. Routes are thin: parse → one use case → redirect or re-render with what was typed.
 */
import type { App, C } from '../../app-env.ts';
import { currentActor, officePage } from '../../office-page.tsx';
import { Csrf, FormError, type FormState } from '../../views/forms.tsx';
import { formData, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { isDomainError, NotFoundError, type ValidationError } from '../../../errors.ts';
import { loadDisclosure } from '../../../villages/disclosure-context.ts';
import { villagePolicy } from '../../../villages/village.policy.ts';
import { createDisclosure, saveDisclosure } from '../../../villages/save-disclosure.ts';
import { submitDisclosure } from '../../../villages/submit-disclosure.ts';
import { superviseDisclosure } from '../../../villages/supervise-disclosure.ts';
import { reviewDisclosure } from '../../../villages/review-disclosure.ts';
import { maskDisclosure } from '../../../villages/mask-disclosure.ts';
import {
  addDisclosurePhoto,
  recordBoardRemoved,
  removeDisclosurePhoto,
} from '../../../villages/add-disclosure-photo.ts';
import { filesOf, openStored, sendStored } from '../../stored-file.ts';
import { importFinanceXlsx } from '../../../villages/import-finance-xlsx.ts';
import { boardSheetPdf } from '../../../villages/board-sheet.ts';
import { rawFromForm } from '../../../villages/form-values.ts';
import { parseValues, scanValues, type RawValues } from '../../../villages/item-template.ts';
import { FILE_PURPOSE_LABELS, listFiles, listSteps, villageOf } from '../../../villages/villages.queries.ts';
import {
  answerObjection,
  listObjections,
  OBJECTION_STATUS_LABELS,
  recordObjectionOutcome,
} from '../../../villages/objections.ts';
import { whoActs } from '../../../villages/notify.ts';
import {
  KIND_LABELS,
  OPINION_LABELS,
  periodLabel,
  STATUS_LABELS,
} from '../../../villages/village-disclosure.ts';
import { ValuesForm, ValuesView } from '../../../villages/views/item-views.tsx';
import { bjTime, maskedName, StatusBadge, VillageAssets } from '../../../villages/views/common.tsx';
import { HIT_LABELS } from '../../../publications/index.ts';
import { contentDisposition } from '../../../text/file-name.ts';

const base = (id: number) => `/office/villages/items/${id}`;
const STEP_LABELS: Record<string, string> = {
  submit: '联络员提交',
  supervision: '村务监督委员会',
  township: '乡镇审核',
};
const ACTION_LABELS: Record<string, string> = {
  submit: '提交',
  approve: '同意发布',
  return: '退回',
  ...OPINION_LABELS,
};

function errorsOf(e: unknown): FormState {
  if (isDomainError(e) && (e.code === 'validation' || e.code === 'invalid_state' || e.code === 'conflict'))
    return {
      values: {},
      errors: e.code === 'validation' ? ((e as ValidationError).fieldErrors ?? {}) : {},
      message: e.message,
    };
  throw e;
}

async function itemPage(
  c: C,
  id: number,
  opts: { raw?: RawValues; form?: FormState; title?: string; noticeDays?: string } = {},
  status = 200,
) {
  const ctx = c.var.ctx;
  const actor = currentActor(c);
  const { item, template, scope, facts } = await loadDisclosure(ctx, id);
  const [village, files, steps, objections] = await Promise.all([
    villageOf(ctx.db, item.villageId),
    listFiles(ctx.db, id),
    listSteps(ctx.db, id),
    listObjections(ctx, { disclosureId: id }),
  ]);
  const canEdit = villagePolicy.edit(actor, scope, facts);
  const raw = opts.raw ?? item.raw;
  const form = opts.form ?? { values: {}, errors: {} };
  const hits = scanValues(template.fields, raw);
  const { values } = parseValues(template, raw);
  const waiting =
    item.status === 'published' ? [] : await whoActs(ctx.db, item.agencyId, item.villageId, item.status);
  const draftPhotos = files.filter((f) => !f.purpose.startsWith('board_'));
  const boardPhotos = files.filter((f) => f.purpose.startsWith('board_'));
  const csrf = c.var.csrf;
  return officePage(
    c,
    item.title,
    <div class="vd-phone">
      <VillageAssets />
      <p>
        <a href={`/office/villages/v/${village.id}`}>{village.name}</a> · {KIND_LABELS[item.kind]} ·{' '}
        {template.name}（第{template.version}版）
        {item.period ? ` · ${periodLabel(item.period)}` : ''}
      </p>
      <h1>{item.title}</h1>
      <p>
        <StatusBadge status={item.status} /> {item.dueOn ? `应于${item.dueOn}前公开` : ''}
        {item.publishedOn ? ` · ${item.publishedOn}公开` : ''}
        {item.noticeEndOn ? ` · 公示期至${item.noticeEndOn}` : ''}
      </p>
      {waiting.length ? (
        <p id="waiting">
          等待：{STATUS_LABELS[item.status]} — {waiting.map((p) => p.name).join('、')}（已发提醒）
        </p>
      ) : null}
      <FormError form={form} />
      {hits.length ? (
        <div class="vd-hits" id="scan-hits" role="status">
          <p>保密审查发现 {hits.length} 处可能的个人信息或涉密内容：</p>
          <ul>
            {hits.map((h) => (
              <li data-kind={h.kind}>
                {h.fieldLabel}：{HIT_LABELS[h.kind]}“{h.match}”{h.masked ? ` → ${h.masked}` : '（须删除）'}
              </li>
            ))}
          </ul>
          {canEdit ? (
            <form method="post" action={`${base(id)}/mask`}>
              <Csrf token={csrf} />
              <button type="submit" class="primary">
                一键脱敏
              </button>
            </form>
          ) : null}
        </div>
      ) : canEdit ? (
        <p class="muted" id="scan-ok">
          保密审查：未发现身份证号、手机号、银行卡号等内容。
        </p>
      ) : null}
      {canEdit ? (
        <>
          <form method="post" action={base(id)} data-autosave={`${base(id)}/autosave`} novalidate>
            <Csrf token={csrf} />
            <input type="hidden" name="version" value={String(item.version)} />
            <div class="field">
              <label for="f-title">标题</label>
              <input id="f-title" name="title" value={opts.title ?? item.title} />
            </div>
            <div class={form.errors.noticeDays ? 'field has-error' : 'field'}>
              <label for="f-noticeDays">公示期（天）</label>
              <input
                id="f-noticeDays"
                name="noticeDays"
                inputMode="numeric"
                value={opts.noticeDays ?? String(item.noticeDays)}
              />
              <p class="hint">
                模板规定至少{template.minNoticeDays}天
                {template.offlineNote ? `；${template.offlineNote}` : ''}
              </p>
              {form.errors.noticeDays ? <p class="error">{form.errors.noticeDays}</p> : null}
            </div>
            <ValuesForm fields={template.fields} raw={raw} errors={form.errors} />
            <p class="vd-save-state" aria-live="polite"></p>
            <div class="vd-actions">
              <button type="submit" name="_action" value="save">
                保存草稿
              </button>
              <button type="submit" name="_action" value="submit" class="primary">
                提交村务监督委员会审核
              </button>
            </div>
          </form>
          {template.fields.some((f) => f.key === 'lines') ? (
            <form method="post" action={`${base(id)}/import`} enctype="multipart/form-data" class="field">
              <Csrf token={csrf} />
              <label for="f-xlsx">从 Excel 导入收支明细</label>
              <input
                id="f-xlsx"
                type="file"
                name="xlsx"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              />
              <button type="submit">导入</button>
            </form>
          ) : null}
          <form
            method="post"
            action={`${base(id)}/photos`}
            enctype="multipart/form-data"
            class="field"
            id="photo-form"
          >
            <Csrf token={csrf} />
            <label for="f-purpose">照片用途</label>
            <select id="f-purpose" name="purpose">
              {(template.attachments.length ? template.attachments : (['photo'] as const)).map((a) => (
                <option value={a}>{FILE_PURPOSE_LABELS[a]}</option>
              ))}
            </select>
            <label for="f-photo">拍照或选择照片</label>
            <input id="f-photo" type="file" name="photo" accept="image/*" capture="environment" />
            <button type="submit">上传照片</button>
            {form.errors.photo ? <p class="error">{form.errors.photo}</p> : null}
          </form>
        </>
      ) : (
        <ValuesView fields={template.fields} values={values} />
      )}
      {draftPhotos.length ? (
        <>
          <h2>附件照片</h2>
          <ul class="vd-photos">
            {draftPhotos.map((f) => (
              <li>
                <img
                  src={`/office/villages/files/${f.id}`}
                  alt={FILE_PURPOSE_LABELS[f.purpose]}
                  loading="lazy"
                />
                <br />
                {FILE_PURPOSE_LABELS[f.purpose]} · {Math.round(f.size / 1024)}KB
                {canEdit ? (
                  <form method="post" action={`${base(id)}/photos/${f.id}/delete`} class="inline-form">
                    <Csrf token={csrf} />{' '}
                    <button type="submit" class="link-button">
                      删除
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {villagePolicy.supervise(actor, scope, facts) ? (
        <form method="post" action={`${base(id)}/supervise`} id="supervise">
          <h2>村务监督委员会意见</h2>
          <Csrf token={csrf} />
          {(['agree', 'revise', 'disagree'] as const).map((o) => (
            <label class="check">
              <input type="radio" name="opinion" value={o} checked={o === 'agree'} /> {OPINION_LABELS[o]}
            </label>
          ))}
          <div class="field">
            <label for="f-reason">理由（修改、不同意时必填；意见将随事项公开）</label>
            <textarea id="f-reason" name="reason" rows={3}></textarea>
          </div>
          <button type="submit" class="primary">
            签署意见
          </button>
        </form>
      ) : null}
      {item.supervisionOpinion ? (
        <p id="supervision-opinion">
          村务监督委员会意见：<strong>{OPINION_LABELS[item.supervisionOpinion]}</strong>
          {item.supervisionReason ? `（${item.supervisionReason}）` : ''} — {item.supervisionByName}
        </p>
      ) : null}
      {villagePolicy.reviewTownship(actor, scope, facts) ? (
        <form method="post" action={`${base(id)}/review`} id="township-review">
          <h2>乡镇审核</h2>
          <Csrf token={csrf} />
          <div class="field">
            <label for="f-review-reason">意见（退回时必填）</label>
            <textarea id="f-review-reason" name="reason" rows={2}></textarea>
          </div>
          <div class="vd-actions">
            <button type="submit" name="action" value="approve" class="primary">
              审核通过并公开
            </button>
            <button type="submit" name="action" value="return">
              退回修改
            </button>
          </div>
        </form>
      ) : null}
      {item.status === 'published' ? (
        <section id="board">
          <h2>公开栏</h2>
          <p class="vd-actions">
            <a class="button" href={`${base(id)}/board.pdf?size=A4`}>
              打印公开栏张贴单（A4）
            </a>
            <a class="button" href={`${base(id)}/board.pdf?size=A3`}>
              A3
            </a>
            <a href={`/villages/items/${id}`}>网上公开页面</a>
          </p>
          <p>
            {item.boardPostedAt ? `已张贴：${bjTime(item.boardPostedAt)}` : '尚未上传张贴照片'}
            {item.boardRemovedAt
              ? ` · 已撤下：${bjTime(item.boardRemovedAt)}${item.boardRemovedNote ? `（${item.boardRemovedNote}）` : ''}`
              : ''}
          </p>
          {boardPhotos.length ? (
            <ul class="vd-photos" id="board-photos">
              {boardPhotos.map((f) => (
                <li>
                  <img
                    src={`/office/villages/files/${f.id}`}
                    alt={FILE_PURPOSE_LABELS[f.purpose]}
                    loading="lazy"
                  />
                  <br />
                  {FILE_PURPOSE_LABELS[f.purpose]}：拍摄时间{' '}
                  {f.takenAt ? bjTime(f.takenAt) : '照片未记录（以上传时间为准）'}
                  {f.latitude ? ` · 位置 ${f.latitude}, ${f.longitude}` : ''}
                </li>
              ))}
            </ul>
          ) : null}
          {villagePolicy.recordBoard(actor, scope, facts) ? (
            <>
              <form
                method="post"
                action={`${base(id)}/photos`}
                enctype="multipart/form-data"
                class="field"
                id="board-photo-form"
              >
                <Csrf token={csrf} />
                <input
                  type="hidden"
                  name="purpose"
                  value={item.boardPostedAt ? 'board_removed' : 'board_posted'}
                />
                <label for="f-board">
                  {item.boardPostedAt ? '公示期满撤下后拍照' : '拍摄公开栏张贴照片'}
                </label>
                <input id="f-board" type="file" name="photo" accept="image/*" capture="environment" />
                <button type="submit">上传</button>
              </form>
              {item.boardPostedAt && !item.boardRemovedAt ? (
                <form method="post" action={`${base(id)}/board-removed`} class="field">
                  <Csrf token={csrf} />
                  <label for="f-removed">或登记撤下（不拍照）</label>
                  <input id="f-removed" name="note" placeholder="如：公示期满，已撤下" />
                  <button type="submit">登记撤下</button>
                </form>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
      <section id="objections">
        <h2>村民质询和异议</h2>
        {objections.length === 0 ? <p class="muted">暂无。</p> : null}
        {objections.map((o) => (
          <div class="field" data-status={o.status}>
            <p>
              {maskedName(o.name)} · {bjTime(o.createdAt)} ·{' '}
              <strong>{OBJECTION_STATUS_LABELS[o.status]}</strong>（答复期限{o.answerDueOn}）
              {o.hasPhone ? ' · 已留电话（不公开，请在“组织与用户”外线下联系）' : ''}
            </p>
            <p class="prewrap">{o.body}</p>
            {o.answer ? (
              <p>
                村委会答复（{o.answeredByName}）：{o.answer}
              </p>
            ) : null}
            {o.outcome ? (
              <p>
                乡镇调查处理（{o.outcomeByName}）：{o.outcome}
              </p>
            ) : null}
            {villagePolicy.answerObjection(actor, scope, item.villageId, o.status) ? (
              <form method="post" action={`/office/villages/objections/${o.id}/answer`}>
                <Csrf token={csrf} />
                <label for={`a-${o.id}`}>答复</label>
                <textarea id={`a-${o.id}`} name="answer" rows={3}></textarea>
                <button type="submit">答复村民</button>
              </form>
            ) : null}
            {villagePolicy.recordOutcome(actor, scope, item.villageId, o.status) ? (
              <form method="post" action={`/office/villages/objections/${o.id}/outcome`}>
                <Csrf token={csrf} />
                <label for={`o-${o.id}`}>调查处理结果（第三十一条）</label>
                <textarea id={`o-${o.id}`} name="outcome" rows={3}></textarea>
                <label class="check">
                  <input type="checkbox" name="orderDisclosure" value="1" /> 责令村民委员会依法公布
                </label>
                <button type="submit">登记调查处理结果</button>
              </form>
            ) : null}
          </div>
        ))}
      </section>
      <section>
        <h2>办理记录</h2>
        <ol id="steps">
          {steps.map((s) => (
            <li>
              {bjTime(s.signedAt)} {STEP_LABELS[s.step] ?? s.step}：{ACTION_LABELS[s.action] ?? s.action} —{' '}
              {s.userName}
              {s.reason ? `（${s.reason}）` : ''}
            </li>
          ))}
        </ol>
        <p class="muted">依据：{template.legalBasis}</p>
      </section>
    </div>,
    status,
  );
}

export function villageItemRoutes(app: App): void {
  app.post('/office/villages/items', async (c) => {
    const f = await formData(c);
    const id = await createDisclosure(c.var.ctx, {
      villageId: str(f.villageId),
      code: str(f.code),
      period: str(f.period),
    } as any);
    return redirectWithFlash(c, base(id), '已新建草稿，填写内容会自动保存');
  });

  app.get('/office/villages/items/:id{[0-9]+}', (c) => itemPage(c, Number(c.req.param('id'))));

  app.post('/office/villages/items/:id{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    const { template } = await loadDisclosure(c.var.ctx, id);
    const raw = rawFromForm(template.fields, f);
    const addRow = str(f._addRow);
    if (addRow && Array.isArray(raw[addRow])) (raw[addRow] as Record<string, string>[]).push({});
    try {
      await saveDisclosure(
        c.var.ctx,
        id,
        { version: str(f.version), title: str(f.title), noticeDays: str(f.noticeDays) } as any,
        raw,
      );
      if (str(f._action) === 'submit') {
        await submitDisclosure(c.var.ctx, id);
        return redirectWithFlash(c, base(id), '已提交村务监督委员会审核');
      }
      return redirectWithFlash(c, base(id), '草稿已保存');
    } catch (e) {
      return itemPage(
        c,
        id,
        { raw, form: errorsOf(e), title: str(f.title), noticeDays: str(f.noticeDays) },
        400,
      );
    }
  });

  app.post('/office/villages/items/:id{[0-9]+}/autosave', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    const { template } = await loadDisclosure(c.var.ctx, id);
    try {
      const version = await saveDisclosure(
        c.var.ctx,
        id,
        { version: str(f.version), title: str(f.title), noticeDays: str(f.noticeDays) } as any,
        rawFromForm(template.fields, f),
      );
      const savedAt = new Date().toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
      return c.json({ version, savedAt });
    } catch (e) {
      if (isDomainError(e)) return c.json({ message: e.message }, 400);
      throw e;
    }
  });

  app.post('/office/villages/items/:id{[0-9]+}/mask', async (c) => {
    const id = Number(c.req.param('id'));
    const n = await maskDisclosure(c.var.ctx, id);
    return redirectWithFlash(c, base(id), n ? `已脱敏 ${n} 处` : '没有可自动脱敏的内容');
  });

  app.post('/office/villages/items/:id{[0-9]+}/import', async (c) => {
    const id = Number(c.req.param('id'));
    const body = await c.req.parseBody();
    const file = body['xlsx'];
    const { item, template } = await loadDisclosure(c.var.ctx, id);
    try {
      if (!(file instanceof File) || file.size === 0) throw new NotFoundError('请选择 Excel 文件');
      const imp = await importFinanceXlsx(new Uint8Array(await file.arrayBuffer()));
      const raw: RawValues = { ...item.raw, lines: imp.lines };
      if (imp.totalIncome) raw.totalIncome = imp.totalIncome;
      if (imp.totalExpense) raw.totalExpense = imp.totalExpense;
      await saveDisclosure(
        c.var.ctx,
        id,
        { version: item.version, title: item.title, noticeDays: item.noticeDays },
        raw,
      );
      return redirectWithFlash(c, base(id), `已导入 ${imp.lines.length} 行收支明细，请核对`);
    } catch (e) {
      void template;
      return itemPage(c, id, { form: errorsOf(e) }, 400);
    }
  });

  app.post('/office/villages/items/:id{[0-9]+}/photos', async (c) => {
    const id = Number(c.req.param('id'));
    const body = await c.req.parseBody();
    const file = body['photo'];
    try {
      if (!(file instanceof File) || file.size === 0)
        return redirectWithFlash(c, base(id), '请先拍照或选择照片');
      await addDisclosurePhoto(c.var.ctx, filesOf(c), id, String(body['purpose'] ?? ''), {
        name: file.name,
        bytes: new Uint8Array(await file.arrayBuffer()),
      });
      return redirectWithFlash(c, base(id), '照片已上传');
    } catch (e) {
      return itemPage(c, id, { form: errorsOf(e) }, 400);
    }
  });

  app.post('/office/villages/items/:id{[0-9]+}/photos/:file{[0-9]+}/delete', async (c) => {
    const id = Number(c.req.param('id'));
    await removeDisclosurePhoto(c.var.ctx, filesOf(c), id, Number(c.req.param('file')));
    return redirectWithFlash(c, base(id), '照片已删除');
  });

  app.post('/office/villages/items/:id{[0-9]+}/supervise', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await superviseDisclosure(c.var.ctx, id, { opinion: str(f.opinion) as any, reason: str(f.reason) });
      return redirectWithFlash(c, base(id), '意见已签署');
    } catch (e) {
      return itemPage(c, id, { form: errorsOf(e) }, 400);
    }
  });

  app.post('/office/villages/items/:id{[0-9]+}/review', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await reviewDisclosure(c.var.ctx, id, { action: str(f.action) as any, reason: str(f.reason) });
      return redirectWithFlash(c, base(id), str(f.action) === 'approve' ? '已审核通过并公开' : '已退回');
    } catch (e) {
      return itemPage(c, id, { form: errorsOf(e) }, 400);
    }
  });

  app.post('/office/villages/items/:id{[0-9]+}/board-removed', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await recordBoardRemoved(c.var.ctx, id, str(f.note));
      return redirectWithFlash(c, base(id), '已登记撤下');
    } catch (e) {
      return itemPage(c, id, { form: errorsOf(e) }, 400);
    }
  });

  app.get('/office/villages/items/:id{[0-9]+}/board.pdf', async (c) => {
    const id = Number(c.req.param('id'));
    const { item, template, scope, facts } = await loadDisclosure(c.var.ctx, id);
    if (!villagePolicy.printBoard(c.var.ctx.actor, scope, facts))
      throw new NotFoundError('事项公开后才能打印张贴单');
    const village = await villageOf(c.var.deps.db, item.villageId);
    const origin = new URL(c.req.url).origin;
    const size = c.req.query('size') === 'A3' ? 'A3' : 'A4';
    const pdf = await boardSheetPdf(item, template, village.name, `${origin}/villages/items/${id}`, size);
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition(`公开栏-${item.title}.pdf`, 'inline'),
      'Cache-Control': 'no-store',
    });
  });

  app.get('/office/villages/files/:file{[0-9]+}', async (c) => {
    const f = await c.var.deps.db
      .selectFrom('village_disclosure_files')
      .select(['disclosure_id', 'storage_key'])
      .where('id', '=', Number(c.req.param('file')))
      .executeTakeFirst();
    if (!f) throw new NotFoundError();
    await loadDisclosure(c.var.ctx, f.disclosure_id); // access check
    const file = await openStored(c, f.storage_key);
    if (!file) throw new NotFoundError();
    return sendStored(c, file, {
      'Content-Type': 'image/jpeg',
      'Cache-Control': 'private, max-age=3600',
    });
  });

  app.post('/office/villages/objections/:id{[0-9]+}/answer', async (c) => {
    const f = await formData(c);
    const o = Number(c.req.param('id'));
    await answerObjection(c.var.ctx, o, { answer: str(f.answer) });
    const row = await c.var.deps.db
      .selectFrom('village_objections')
      .select('disclosure_id')
      .where('id', '=', o)
      .executeTakeFirstOrThrow();
    return redirectWithFlash(c, base(row.disclosure_id), '已答复');
  });

  app.post('/office/villages/objections/:id{[0-9]+}/outcome', async (c) => {
    const f = await formData(c);
    const o = Number(c.req.param('id'));
    await recordObjectionOutcome(c.var.ctx, o, {
      outcome: str(f.outcome),
      orderDisclosure: str(f.orderDisclosure) === '1',
    });
    const row = await c.var.deps.db
      .selectFrom('village_objections')
      .select('disclosure_id')
      .where('id', '=', o)
      .executeTakeFirstOrThrow();
    return redirectWithFlash(c, base(row.disclosure_id), '已登记调查处理结果');
  });
}
