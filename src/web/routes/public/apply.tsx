/**
 * The portal's 依申请公开 section: guidance and the online form (/apply), and applicant tracking (/track) with
 * letter downloads. Registered before portalRoutes, whose /apply placeholder it replaces.
 */
import type { App, C } from '../../app-env.ts';
import { limitPublicSubmission } from '../../rate-limit.ts';
import { publicPage, portalAgency } from '../../public-page.tsx';
import { Csrf, Field, FormError, Submit, TextArea, emptyForm, type FormState } from '../../views/forms.tsx';
import { RequestFields } from '../../views/request-form.tsx';
import { formData, str, uploadedFiles } from '../../form.ts';
import { DomainError, ValidationError, isDomainError, parseInput } from '../../../errors.ts';
import { submitOnlineRequest } from '../../../requests/submit-online-request.ts';
import { OnlineRequestInput } from '../../../requests/request.schema.ts';
import { ACCEPT_ATTR, MAX_UPLOADS_PER_SUBMIT, checkUpload } from '../../../requests/uploads.ts';
import { filesOf } from '../../stored-file.ts';
import { trackRequest, type TrackedRequest } from '../../../requests/track-request.ts';
import { submitCorrectionOnline } from '../../../requests/submit-correction-online.ts';
import { cnDate } from '../../../requests/letters.ts';
import { letterDocx, letterPdf, storedLetter } from '../../../requests/render-letter.ts';
import { DOCX_TYPE } from '../../../documents/docx.ts';
import { attachment } from '../../../documents/xlsx.ts';
import { recordEvent } from '../../../audit/record-event.ts';

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

function applyPage(c: C, form: FormState, status = 200) {
  return publicPage(
    c,
    '依申请公开',
    <>
      <h1>依申请公开</h1>
      <Guidance />
      <section aria-labelledby="form-h">
        <h2 id="form-h">在线提交申请</h2>
        <form method="post" action="/apply" enctype="multipart/form-data" novalidate class="narrow">
          <Csrf token={c.var.csrf} />
          <FormError form={form} />
          <RequestFields form={form} />
          <div class="field">
            <label for="f-files">附件（可选，身份证明等）</label>
            <input id="f-files" type="file" name="files" multiple accept={ACCEPT_ATTR} />
            <p class="hint">
              PDF、JPG、PNG、Word，每个不超过10MB，最多{MAX_UPLOADS_PER_SUBMIT}个
              {form.message ? '。如填写有误，请重新选择附件' : ''}
            </p>
          </div>
          <Submit>提交申请</Submit>
        </form>
      </section>
    </>,
    status,
  );
}

const uploadsOf = (c: C) => uploadedFiles(c, MAX_UPLOADS_PER_SUBMIT);

function trackForm(c: C, form: FormState, status = 200) {
  return publicPage(
    c,
    '申请查询',
    <>
      <h1>政府信息公开申请查询</h1>
      <p>请输入申请回执上的登记编号和查询码。</p>
      <form method="post" action="/track" novalidate class="narrow">
        <Csrf token={c.var.csrf} />
        <FormError form={form} />
        <Field form={form} name="reference" label="登记编号" required />
        <Field
          form={form}
          name="code"
          label="查询码"
          required
          autocomplete="off"
          hint="8位字母和数字，不区分大小写"
        />
        <Submit>查询</Submit>
      </form>
    </>,
    status,
  );
}

function trackResult(c: C, t: TrackedRequest, code: string, notice?: string) {
  return publicPage(
    c,
    '申请查询',
    <>
      <h1>申请办理情况</h1>
      {notice ? (
        <div class="flash" role="status">
          {notice}
        </div>
      ) : null}
      <dl class="facts">
        <dt>登记编号</dt>
        <dd>{t.reference}</dd>
        <dt>办理状态</dt>
        <dd>
          <strong>{t.statusLabel}</strong>
        </dd>
        <dt>收到申请日期</dt>
        <dd>{t.receivedOn ? cnDate(t.receivedOn) : '待工作人员与您确认'}</dd>
        <dt>答复期限</dt>
        <dd>
          {t.dueOn
            ? t.dueProvisional
              ? '自收到申请之日起20个工作日内（具体日期待放假安排公布后确定）'
              : cnDate(t.dueOn)
            : t.status === 'awaiting_correction'
              ? '等待您补正，期限自收到补正之日起重新计算'
              : '—'}
        </dd>
      </dl>
      {t.status === 'awaiting_correction' ? (
        <section aria-labelledby="corr-h">
          <h2 id="corr-h">提交补正</h2>
          <p>请按补正告知书的要求补充说明，提交后答复期限自本机关收到补正之日起重新计算。</p>
          <form method="post" action="/track/correction" novalidate>
            <Csrf token={c.var.csrf} />
            <input type="hidden" name="reference" value={t.reference} />
            <input type="hidden" name="code" value={code} />
            <TextArea form={emptyForm()} name="correction" label="补正内容" required />
            <Submit>提交补正</Submit>
          </form>
        </section>
      ) : null}
      <h2>文书</h2>
      {t.letters.length === 0 ? (
        <p class="empty">暂无文书</p>
      ) : (
        <ul class="letters">
          {t.letters.map((l) => (
            <li>
              {l.title}（{l.docNo}，{cnDate(l.issuedOn)}）
              {(['docx', 'pdf'] as const).map((fmt) => (
                <form method="post" action="/track/letter" class="inline-form">
                  <Csrf token={c.var.csrf} />
                  <input type="hidden" name="reference" value={t.reference} />
                  <input type="hidden" name="code" value={code} />
                  <input type="hidden" name="letterId" value={String(l.id)} />
                  <input type="hidden" name="format" value={fmt} />
                  <button type="submit" class="link-button">
                    下载{fmt === 'docx' ? 'Word' : 'PDF'}
                  </button>
                </form>
              ))}
            </li>
          ))}
        </ul>
      )}
    </>,
  );
}

export function applyRoutes(app: App): void {
  app.get('/apply', (c) =>
    applyPage(c, emptyForm({ applicantKind: 'natural_person', idType: 'resident_id' })),
  );

  app.post('/apply', async (c) => {
    const f = await formData(c);
    const agency = await portalAgency(c);
    if (!agency) throw new DomainError('invalid_state', '本系统尚未设置机关，暂不能受理网上申请');
    try {
      await limitPublicSubmission(c, 'apply', [str(f.idNumber), str(f.phone)]);
      parseInput(OnlineRequestInput, f); // validate before any file is written
      const uploads = await uploadsOf(c);
      uploads.forEach(checkUpload);
      const r = await submitOnlineRequest(c.var.ctx, agency, f, { store: filesOf(c), files: uploads });
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
            请抄写或截图保存登记编号和查询码，凭此在“<a href="/track">申请查询</a>”查看进度和下载答复文书。
          </p>
        </>,
      );
    } catch (e) {
      if (isDomainError(e) && e.code === 'rate_limited')
        return applyPage(c, { values: f, errors: {}, message: e.message }, 429);
      if (isDomainError(e) && (e.code === 'validation' || e.code === 'too_large')) {
        const errors = e instanceof ValidationError ? e.fieldErrors : { files: e.message };
        return applyPage(c, { values: f, errors, message: e.message }, 400);
      }
      throw e;
    }
  });

  app.get('/track', (c) => trackForm(c, emptyForm()));

  app.post('/track', async (c) => {
    const f = await formData(c);
    try {
      const t = await trackRequest(c.var.ctx, f);
      return trackResult(c, t, str(f.code).trim().toUpperCase());
    } catch (e) {
      if (
        isDomainError(e) &&
        (e.code === 'validation' || e.code === 'not_found' || e.code === 'rate_limited')
      )
        return trackForm(
          c,
          { values: f, errors: e instanceof ValidationError ? e.fieldErrors : {}, message: e.message },
          e.code === 'rate_limited' ? 429 : 400,
        );
      throw e;
    }
  });

  app.post('/track/correction', async (c) => {
    const f = await formData(c);
    try {
      await submitCorrectionOnline(c.var.ctx, f);
      const t = await trackRequest(c.var.ctx, f);
      return trackResult(c, t, str(f.code).trim().toUpperCase(), '补正已提交，答复期限自今日起重新计算');
    } catch (e) {
      if (
        isDomainError(e) &&
        (e.code === 'validation' || e.code === 'invalid_state' || e.code === 'not_found')
      )
        return trackForm(c, { values: f, errors: {}, message: e.message }, 400);
      throw e;
    }
  });

  app.post('/track/letter', async (c) => {
    const f = await formData(c);
    const t = await trackRequest(c.var.ctx, f);
    const id = Number(str(f.letterId));
    if (!t.letters.some((l) => l.id === id)) throw new DomainError('not_found', '未找到该文书');
    const db = c.var.deps.db;
    const row = await db
      .selectFrom('request_letters')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const agency = await db
      .selectFrom('info_requests')
      .innerJoin('agencies', 'agencies.id', 'info_requests.agency_id')
      .select('agencies.name')
      .where('info_requests.id', '=', t.id)
      .executeTakeFirstOrThrow();
    const letter = storedLetter(row, agency.name);
    const pdf = str(f.format) === 'pdf';
    await recordEvent(db, c.var.ctx, {
      action: 'request.tracked',
      objectType: 'info_request',
      objectId: t.id,
      note: `申请人下载 ${row.title}`,
    });
    const body = pdf ? await letterPdf(letter) : await letterDocx(letter);
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': pdf ? 'application/pdf' : DOCX_TYPE,
      'Content-Disposition': attachment(`${row.title}.${pdf ? 'pdf' : 'docx'}`),
    });
  });
}
