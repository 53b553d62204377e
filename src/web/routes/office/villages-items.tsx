/**
 * Back office of one village item: the liaison's phone form (autosave, XLSX import, photos, scan and one-tap
 * masking, submit), the 监委会 opinion, the township review, the board sheet and board photos, and the item's
 * objections. Routes are thin: parse → one use case → redirect or re-render with what was typed.
 */
import type { App, C } from '../../app-env.ts';
import { canonicalBaseOf } from '../../portal-scope.ts';
import { currentActor, officePage } from '../../office-page.tsx';
import type { FormState } from '../../views/forms.tsx';
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
import { listFiles, listSteps, villageOf } from '../../../villages/villages.queries.ts';
import { findDisclosureFile, objectionDisclosureId } from '../../../villages/index.ts';
import { answerObjection, listObjections, recordObjectionOutcome } from '../../../villages/objections.ts';
import { whoActs } from '../../../villages/notify.ts';
import { contentDisposition } from '../../../text/file-name.ts';
import { ItemPage, itemBase as base } from '../../views/villages/item-page.tsx';

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
  const ctx = c.get('ctx');
  const actor = currentActor(c);
  const { item, template, scope, facts } = await loadDisclosure(ctx, id);
  const [village, files, steps, objections] = await Promise.all([
    villageOf(ctx.db, item.villageId),
    listFiles(ctx.db, id),
    listSteps(ctx.db, id),
    listObjections(ctx, { disclosureId: id }),
  ]);
  const raw = opts.raw ?? item.raw;
  const form = opts.form ?? { values: {}, errors: {} };
  const hits = scanValues(template.fields, raw);
  const { values } = parseValues(template, raw);
  const waiting =
    item.status === 'published' ? [] : await whoActs(ctx.db, item.agencyId, item.villageId, item.status);
  return officePage(
    c,
    item.title,
    <ItemPage
      id={id}
      item={item}
      template={template}
      village={village}
      raw={raw}
      values={values}
      hits={hits}
      form={form}
      title={opts.title}
      noticeDays={opts.noticeDays}
      waiting={waiting}
      draftPhotos={files.filter((f) => !f.purpose.startsWith('board_'))}
      boardPhotos={files.filter((f) => f.purpose.startsWith('board_'))}
      steps={steps}
      objections={objections.map((o) => ({
        ...o,
        canAnswer: villagePolicy.answerObjection(actor, scope, item.villageId, o.status),
        canOutcome: villagePolicy.recordOutcome(actor, scope, item.villageId, o.status),
      }))}
      can={{
        edit: villagePolicy.edit(actor, scope, facts),
        supervise: villagePolicy.supervise(actor, scope, facts),
        review: villagePolicy.reviewTownship(actor, scope, facts),
        recordBoard: villagePolicy.recordBoard(actor, scope, facts),
      }}
      csrf={c.get('csrf')}
    />,
    status,
  );
}

export function villageItemRoutes(app: App): void {
  app.post('/office/villages/items', async (c) => {
    const f = await formData(c);
    const id = await createDisclosure(c.get('ctx'), {
      villageId: str(f.villageId),
      code: str(f.code),
      period: str(f.period),
    });
    return redirectWithFlash(c, base(id), '已新建草稿，填写内容会自动保存');
  });

  app.get('/office/villages/items/:id{[0-9]+}', (c) => itemPage(c, Number(c.req.param('id'))));

  app.post('/office/villages/items/:id{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    const { template } = await loadDisclosure(c.get('ctx'), id);
    const raw = rawFromForm(template.fields, f);
    const addRow = str(f._addRow);
    if (addRow && Array.isArray(raw[addRow])) (raw[addRow] as Record<string, string>[]).push({});
    try {
      await saveDisclosure(
        c.get('ctx'),
        id,
        { version: str(f.version), title: str(f.title), noticeDays: str(f.noticeDays) },
        raw,
      );
      if (str(f._action) === 'submit') {
        await submitDisclosure(c.get('ctx'), id);
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
    const { template } = await loadDisclosure(c.get('ctx'), id);
    try {
      const version = await saveDisclosure(
        c.get('ctx'),
        id,
        { version: str(f.version), title: str(f.title), noticeDays: str(f.noticeDays) },
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
    const n = await maskDisclosure(c.get('ctx'), id);
    return redirectWithFlash(c, base(id), n ? `已脱敏 ${n} 处` : '没有可自动脱敏的内容');
  });

  app.post('/office/villages/items/:id{[0-9]+}/import', async (c) => {
    const id = Number(c.req.param('id'));
    const body = await c.req.parseBody();
    const file = body['xlsx'];
    const { item, template } = await loadDisclosure(c.get('ctx'), id);
    try {
      if (!(file instanceof File) || file.size === 0) throw new NotFoundError('请选择 Excel 文件');
      const imp = await importFinanceXlsx(new Uint8Array(await file.arrayBuffer()));
      const raw: RawValues = { ...item.raw, lines: imp.lines };
      if (imp.totalIncome) raw.totalIncome = imp.totalIncome;
      if (imp.totalExpense) raw.totalExpense = imp.totalExpense;
      await saveDisclosure(
        c.get('ctx'),
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
      await addDisclosurePhoto(c.get('ctx'), filesOf(c), id, String(body['purpose'] ?? ''), {
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
    await removeDisclosurePhoto(c.get('ctx'), filesOf(c), id, Number(c.req.param('file')));
    return redirectWithFlash(c, base(id), '照片已删除');
  });

  app.post('/office/villages/items/:id{[0-9]+}/supervise', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await superviseDisclosure(c.get('ctx'), id, { opinion: str(f.opinion), reason: str(f.reason) });
      return redirectWithFlash(c, base(id), '意见已签署');
    } catch (e) {
      return itemPage(c, id, { form: errorsOf(e) }, 400);
    }
  });

  app.post('/office/villages/items/:id{[0-9]+}/review', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await reviewDisclosure(c.get('ctx'), id, { action: str(f.action), reason: str(f.reason) });
      return redirectWithFlash(c, base(id), str(f.action) === 'approve' ? '已审核通过并公开' : '已退回');
    } catch (e) {
      return itemPage(c, id, { form: errorsOf(e) }, 400);
    }
  });

  app.post('/office/villages/items/:id{[0-9]+}/board-removed', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      await recordBoardRemoved(c.get('ctx'), id, str(f.note));
      return redirectWithFlash(c, base(id), '已登记撤下');
    } catch (e) {
      return itemPage(c, id, { form: errorsOf(e) }, 400);
    }
  });

  app.get('/office/villages/items/:id{[0-9]+}/board.pdf', async (c) => {
    const id = Number(c.req.param('id'));
    const { item, template, scope, facts } = await loadDisclosure(c.get('ctx'), id);
    if (!villagePolicy.printBoard(c.get('ctx').actor, scope, facts))
      throw new NotFoundError('事项公开后才能打印张贴单');
    const village = await villageOf(c.get('deps').db, item.villageId);
    // The printed board's QR code carries the portal's public address (GONGKAI_PUBLIC_URL), never the address the
    // clerk reached the office by (an intranet host, or http behind the TLS proxy): paper cannot be corrected later.
    // It is the item's canonical page: at `/` for the home township, under the township's column in a county
    // installation (the old root address still leads there, routes/public/villages.tsx).
    const origin = c.get('deps').config.publicUrl;
    const base = (await canonicalBaseOf(c, item.agencyId)) ?? '';
    const size = c.req.query('size') === 'A3' ? 'A3' : 'A4';
    const pdf = await boardSheetPdf(
      item,
      template,
      village.name,
      `${origin}${base}/villages/items/${id}`,
      size,
    );
    return c.body(new Uint8Array(pdf), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': contentDisposition(`公开栏-${item.title}.pdf`, 'inline'),
      'Cache-Control': 'no-store',
    });
  });

  app.get('/office/villages/files/:file{[0-9]+}', async (c) => {
    const f = await findDisclosureFile(c.get('deps').db, Number(c.req.param('file')));
    if (!f) throw new NotFoundError();
    await loadDisclosure(c.get('ctx'), f.disclosureId); // access check
    const file = await openStored(c, f.storageKey);
    if (!file) throw new NotFoundError();
    return sendStored(c, file, {
      'Content-Type': 'image/jpeg',
      'Cache-Control': 'private, max-age=3600',
    });
  });

  app.post('/office/villages/objections/:id{[0-9]+}/answer', async (c) => {
    const f = await formData(c);
    const o = Number(c.req.param('id'));
    await answerObjection(c.get('ctx'), o, { answer: str(f.answer) });
    return redirectWithFlash(c, base(await objectionDisclosureId(c.get('deps').db, o)), '已答复');
  });

  app.post('/office/villages/objections/:id{[0-9]+}/outcome', async (c) => {
    const f = await formData(c);
    const o = Number(c.req.param('id'));
    await recordObjectionOutcome(c.get('ctx'), o, {
      outcome: str(f.outcome),
      orderDisclosure: str(f.orderDisclosure) === '1',
    });
    return redirectWithFlash(c, base(await objectionDisclosureId(c.get('deps').db, o)), '已登记调查处理结果');
  });
}
