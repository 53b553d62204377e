/**
 * The portal's 依申请公开 form (/apply) and its receipt. A failed submit re-renders the form with everything typed,
 * an error summary that opens focused and links to each field, and the files already chosen held server-side
 * (uploads/held-uploads.ts), so nothing is chosen again. A good submit files the request once per idempotency key
 * (made when the form was shown) and answers 303 to the receipt (Post/Redirect/Get): refreshing the receipt, going
 * back and sending again, or a double click never files a second request. Tracking is in track.tsx.
 */
import crypto from 'node:crypto';
import type { App, C } from '../../app-env.ts';
import { limitPublicSubmission } from '../../rate-limit.ts';
import { publicPage, portalAgency } from '../../public-page.tsx';
import { Csrf, ErrorSummary, Submit, emptyForm, type FormState } from '../../views/forms.tsx';
import { RequestFields } from '../../views/request-form.tsx';
import { formData, list, str, uploadedFiles } from '../../form.ts';
import { DomainError, ValidationError, isDomainError, parseInput } from '../../../errors.ts';
import { findOnlineSubmission, submitOnlineRequest } from '../../../requests/submit-online-request.ts';
import { OnlineRequestInput } from '../../../requests/request.schema.ts';
import {
  ACCEPT_ATTR,
  MAX_UPLOADS_PER_SUBMIT,
  checkUpload,
  type UploadInput,
} from '../../../requests/uploads.ts';
import {
  HOLD_MS,
  findHeldUploads,
  holdUpload,
  readHeldUploads,
  releaseHeldUploads,
  type HeldFile,
} from '../../../uploads/held-uploads.ts';
import { HeldFiles } from '../../views/held-files.tsx';
import { filesOf } from '../../stored-file.ts';

const HELD_PURPOSE = 'apply';
const KEY = /^[0-9a-f]{32}$/;
/** The receipt stays reachable by its key for a day; after that the citizen tracks with reference and code. */
const RECEIPT_MS = HOLD_MS;

/** Names of the form's fields, for the error summary. */
const LABELS: Record<string, string> = {
  applicantKind: '申请人类型',
  applicantName: '姓名或单位名称',
  idType: '证件类型',
  idNumber: '证件号码',
  phone: '联系电话',
  email: '电子邮箱',
  address: '通信地址',
  infoDescription: '所需信息的描述',
  infoDocNo: '文号',
  formRequested: '获取信息的形式',
  deliveryRequested: '获取信息的方式',
  assistanceNote: '需要哪些帮助',
  files: '附件',
};

function Guidance() {
  return (
    <section aria-labelledby="guide-h">
      <h2 id="guide-h">申请须知</h2>
      <ol>
        <li>
          公民、法人或者其他组织可以向本机关申请获取政府信息（《中华人民共和国政府信息公开条例》第二十七条）。
        </li>
        <li>网上提交后，工作人员会与您联系确认，确认之日为收到申请之日（条例第三十一条）。</li>
        <li>
          本机关自收到申请之日起20个工作日内答复；需要延长的，经批准可延长不超过20个工作日（条例第三十三条）。
        </li>
        <li>申请内容不明确的，本机关会一次性告知您补正（条例第三十条）。</li>
        <li>提交后请记下登记编号和查询码，凭此在“申请查询”栏目查看进度、下载答复文书。</li>
        <li>书写有困难的，可以到本机关当面口头提出，由工作人员代为填写（条例第二十九条）。</li>
      </ol>
    </section>
  );
}

function applyPage(c: C, form: FormState, key: string, held: HeldFile[] = [], status = 200) {
  const fileErr = form.errors.files;
  return publicPage(
    c,
    Object.keys(form.errors).length ? '依申请公开（请修改后重新提交）' : '依申请公开',
    <>
      <h1>依申请公开</h1>
      <ErrorSummary form={form} labels={LABELS} />
      <Guidance />
      <section aria-labelledby="form-h">
        <h2 id="form-h">在线提交申请</h2>
        <form method="post" action="/apply" enctype="multipart/form-data" novalidate class="narrow">
          <Csrf token={c.get('csrf')} />
          <input type="hidden" name="idempotencyKey" value={key} />
          <RequestFields form={form} />
          <HeldFiles held={held} />
          <div class={fileErr ? 'field has-error' : 'field'}>
            <label for="f-files">{held.length ? '再添加附件（可选）' : '附件（可选，身份证明等）'}</label>
            <input
              id="f-files"
              type="file"
              name="files"
              multiple
              accept={ACCEPT_ATTR}
              aria-invalid={fileErr ? 'true' : undefined}
              aria-describedby={fileErr ? 'f-files-hint f-files-err' : 'f-files-hint'}
            />
            <p class="hint" id="f-files-hint">
              PDF、JPG、PNG、Word，每个不超过10MB，最多{MAX_UPLOADS_PER_SUBMIT}个
            </p>
            {fileErr ? (
              <p class="error" id="f-files-err">
                {fileErr}
              </p>
            ) : null}
          </div>
          <Submit>提交申请</Submit>
        </form>
      </section>
    </>,
    status,
  );
}

function receiptPage(c: C, r: { reference: string; trackingCode: string }) {
  c.header('Cache-Control', 'no-store');
  c.header('Referrer-Policy', 'no-referrer');
  return publicPage(
    c,
    '申请已提交',
    <>
      <h1>申请已提交</h1>
      <p>工作人员将通过您留下的联系方式与您确认，确认之日为收到申请之日。</p>
      <dl class="facts">
        <dt>登记编号</dt>
        <dd>
          <strong data-reference>{r.reference}</strong>
        </dd>
        <dt>查询码</dt>
        <dd>
          <strong data-tracking-code>{r.trackingCode}</strong>
        </dd>
      </dl>
      <p>
        请抄写或截图保存登记编号和查询码，凭此在“<a href="/track">申请查询</a>
        ”查看进度和下载答复文书。刷新本页不会重复提交。
      </p>
    </>,
  );
}

const newKey = () => crypto.randomBytes(16).toString('hex');

/** The files of this submit that pass the checks, and the reasons for those that do not. */
async function newUploads(c: C): Promise<{ ok: (UploadInput & { mime: string })[]; errors: string[] }> {
  let files: UploadInput[];
  try {
    files = await uploadedFiles(c, MAX_UPLOADS_PER_SUBMIT);
  } catch (e) {
    if (isDomainError(e)) return { ok: [], errors: [e.message] };
    throw e;
  }
  const ok: (UploadInput & { mime: string })[] = [];
  const errors: string[] = [];
  for (const u of files) {
    try {
      ok.push({ ...u, mime: checkUpload(u).mime });
    } catch (e) {
      if (isDomainError(e)) errors.push(e.message);
      else throw e;
    }
  }
  return { ok, errors };
}

export function applyRoutes(app: App): void {
  app.get('/apply', (c) =>
    applyPage(c, emptyForm({ applicantKind: 'natural_person', idType: 'resident_id' }), newKey()),
  );

  app.post('/apply', async (c) => {
    const f = await formData(c);
    const agency = await portalAgency(c);
    if (!agency) throw new DomainError('invalid_state', '本系统尚未设置机关，暂不能受理网上申请');
    const { db, clock } = c.get('ctx');
    const store = filesOf(c);
    const key = KEY.test(str(f.idempotencyKey)) ? str(f.idempotencyKey) : newKey();
    // Sent before (a refresh of the POST, the back button, a double click): the receipt of the first one.
    if (await findOnlineSubmission(db, key)) return c.redirect(`/apply/receipt/${key}`, 303);

    const dropped = new Set(list(f.dropUpload));
    await releaseHeldUploads(db, store, HELD_PURPOSE, [...dropped]);
    const keptTokens = list(f.heldUpload).filter((t) => !dropped.has(t));
    const held = await findHeldUploads(db, HELD_PURPOSE, keptTokens, clock.now());
    const fresh = await newUploads(c);
    const errors: Record<string, string> = {};
    try {
      parseInput(OnlineRequestInput, f);
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      Object.assign(errors, e.fieldErrors);
    }
    if (held.length + fresh.ok.length > MAX_UPLOADS_PER_SUBMIT)
      fresh.errors.push(`附件最多${MAX_UPLOADS_PER_SUBMIT}个，请移除多余的附件`);
    if (fresh.errors.length) errors.files = fresh.errors.join('；');

    try {
      // Counted only when the submit would file a request, or holds new files: a citizen correcting mistakes is
      // not locked out, and nobody fills the disk with held files beyond the limit.
      if (!Object.keys(errors).length || fresh.ok.length)
        await limitPublicSubmission(c, 'apply', [str(f.idNumber), str(f.phone)]);
    } catch (e) {
      if (isDomainError(e) && e.code === 'rate_limited')
        return applyPage(c, { values: f, errors: {}, message: e.message }, key, held, 429);
      throw e;
    }

    if (Object.keys(errors).length) {
      // Keep the acceptable new files for the next attempt (the over-limit ones are not held).
      const room = Math.max(0, MAX_UPLOADS_PER_SUBMIT - held.length);
      for (const u of fresh.ok.slice(0, room))
        held.push(
          await holdUpload(
            db,
            store,
            HELD_PURPOSE,
            { ...u, fileName: u.name, contentType: u.mime },
            clock.now(),
          ),
        );
      return applyPage(c, { values: f, errors, message: '提交未成功' }, key, held, 400);
    }

    const heldBytes = await readHeldUploads(
      db,
      store,
      HELD_PURPOSE,
      held.map((h) => h.token),
      clock.now(),
    );
    const files = [...heldBytes.map((h) => ({ name: h.fileName, bytes: h.bytes })), ...fresh.ok];
    await submitOnlineRequest(c.get('ctx'), agency, f, { store, files }, key);
    await releaseHeldUploads(
      db,
      store,
      HELD_PURPOSE,
      held.map((h) => h.token),
    );
    return c.redirect(`/apply/receipt/${key}`, 303);
  });

  app.get('/apply/receipt/:key', async (c) => {
    const key = c.req.param('key');
    const r = KEY.test(key) ? await findOnlineSubmission(c.get('deps').db, key) : undefined;
    if (!r || c.get('ctx').clock.now().getTime() - Date.parse(r.createdAt) > RECEIPT_MS) {
      c.header('Cache-Control', 'no-store');
      return publicPage(
        c,
        '回执页已过期',
        <>
          <h1>回执页已过期</h1>
          <p>
            为保护您的查询码，回执页只在提交后一天内可以打开。请凭登记编号和查询码在“
            <a href="/track">申请查询</a>”查看办理情况。
          </p>
        </>,
        404,
      );
    }
    return receiptPage(c, r.request);
  });
}
