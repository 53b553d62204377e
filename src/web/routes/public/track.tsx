/**
 * Applicant tracking (/track): the reference as people type it and the 查询码; the state and the dates that matter;
 * the 补正 asked, with its deadline, and the form to send it (what was typed survives an error); the letters, and
 * the files provided with the reply when the applicant chose 网上获取. Downloads are POSTs carrying the reference
 * and the code, so neither ends up in a URL.
 */
import type { App, C } from '../../app-env.ts';
import { publicPage } from '../../public-page.tsx';
import {
  Csrf,
  ErrorSummary,
  Field,
  Submit,
  TextArea,
  emptyForm,
  type FormState,
} from '../../views/forms.tsx';
import { formData, str } from '../../form.ts';
import { DomainError, ValidationError, isDomainError } from '../../../errors.ts';
import { DISCLOSED_SOURCE, trackRequest, type TrackedRequest } from '../../../requests/track-request.ts';
import { submitCorrectionOnline } from '../../../requests/submit-correction-online.ts';
import { cnDate } from '../../../requests/letters.ts';
import { KeepTogether } from '../../views/keep-together.tsx';
import { letterDocx, letterPdf, storedLetter } from '../../../requests/render-letter.ts';
import { openUpload } from '../../../requests/uploads.ts';
import { findRequestAttachment, findRequestLetter, requestAgencyName } from '../../../requests/index.ts';
import { filesOf, sendStored } from '../../stored-file.ts';
import { DOCX_TYPE } from '../../../documents/docx.ts';
import { attachment } from '../../../documents/xlsx.ts';
import { recordEvent } from '../../../audit/record-event.ts';
import { fileSize } from '../../views/publication-views.tsx';

const LABELS = { reference: '登记编号', code: '查询码', correction: '补正内容' };

function trackForm(c: C, form: FormState, status = 200) {
  return publicPage(
    c,
    '申请查询',
    <>
      <h1>政府信息公开申请查询</h1>
      <p>请输入申请回执上的登记编号和查询码。</p>
      <form method="post" action="/track" novalidate class="narrow">
        <Csrf token={c.get('csrf')} />
        <ErrorSummary form={form} labels={LABELS} />
        <Field
          form={form}
          name="reference"
          label="登记编号"
          required
          hint="可以只填年份和序号，如 (2026)13、2026-13 或 2026年13号"
        />
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

/** The hidden fields that let a form on the result page look the request up again. */
function Keys({ c, t, code }: { c: C; t: TrackedRequest; code: string }) {
  return (
    <>
      <Csrf token={c.get('csrf')} />
      <input type="hidden" name="reference" value={t.reference} />
      <input type="hidden" name="code" value={code} />
    </>
  );
}

function dueText(t: TrackedRequest): string {
  if (t.dueOn)
    return t.dueProvisional
      ? '自收到申请之日起20个工作日内（具体日期待放假安排公布后确定）'
      : t.originalDueOn && t.extensionDays
        ? `${cnDate(t.dueOn)}（经批准延长${t.extensionDays}个工作日，原期限${cnDate(t.originalDueOn)}）`
        : cnDate(t.dueOn);
  return t.status === 'awaiting_correction' ? '等待您补正，期限自收到补正之日起重新计算' : '—';
}

function Correction(p: { c: C; t: TrackedRequest; code: string; form: FormState }) {
  const { t } = p;
  if (t.status !== 'awaiting_correction') return null;
  return (
    <section aria-labelledby="corr-h">
      <h2 id="corr-h">需要您补正</h2>
      {t.correction ? (
        <div class="card">
          <p>
            <strong>需要补正的事项：</strong>
            {t.correction.items}
          </p>
          {t.correction.guidance ? (
            <p>
              <strong>补正指导：</strong>
              {t.correction.guidance}
            </p>
          ) : null}
          <p>
            <strong>补正期限：</strong>
            <span class="date">{cnDate(t.correction.dueOn)}</span>前（告知日期{' '}
            <span class="date">{cnDate(t.correction.noticeOn)}</span>
            ）。逾期未补正的，视为放弃申请（条例第三十条）。
          </p>
        </div>
      ) : null}
      <p>请按上述要求补充说明，提交后答复期限自本机关收到补正之日起重新计算。</p>
      <form method="post" action="/track/correction" novalidate>
        <Keys c={p.c} t={t} code={p.code} />
        <ErrorSummary form={p.form} labels={LABELS} />
        <TextArea form={p.form} name="correction" label="补正内容" required />
        <Submit>提交补正</Submit>
      </form>
    </section>
  );
}

function DownloadButton(p: {
  c: C;
  t: TrackedRequest;
  code: string;
  action: string;
  fields: Record<string, string>;
  label: string;
}) {
  return (
    <form method="post" action={p.action} class="inline-form">
      <Keys c={p.c} t={p.t} code={p.code} />
      {Object.entries(p.fields).map(([k, v]) => (
        <input type="hidden" name={k} value={v} />
      ))}
      <button type="submit" class="button">
        {p.label}
      </button>
    </form>
  );
}

function trackResult(
  c: C,
  t: TrackedRequest,
  code: string,
  opts: { notice?: string; correction?: FormState; status?: number } = {},
) {
  const replied = t.repliedOn !== null;
  return publicPage(
    c,
    '申请查询',
    <>
      <h1>申请办理情况</h1>
      {opts.notice ? (
        <div class="flash" role="status">
          {opts.notice}
        </div>
      ) : null}
      <dl class="facts">
        <dt>登记编号</dt>
        <dd class="ref">{t.reference}</dd>
        <dt>办理状态</dt>
        <dd>
          <strong>{t.statusLabel}</strong>
        </dd>
        <dt>收到申请日期</dt>
        <dd>{t.receivedOn ? cnDate(t.receivedOn) : '待工作人员与您确认'}</dd>
        <dt>答复期限</dt>
        <dd>
          <KeepTogether text={dueText(t)} />
        </dd>
        {replied ? (
          <>
            <dt>答复日期</dt>
            <dd>{cnDate(t.repliedOn!)}</dd>
            <dt>送达日期</dt>
            <dd>{t.deliveredOn ? cnDate(t.deliveredOn) : '送达中'}</dd>
          </>
        ) : null}
      </dl>
      <Correction c={c} t={t} code={code} form={opts.correction ?? emptyForm()} />
      <h2>文书</h2>
      {t.letters.length === 0 ? (
        <p class="empty">暂无文书</p>
      ) : (
        <ul class="downloads">
          {t.letters.map((l) => (
            <li>
              <span>
                {l.title}（<span class="ref">{l.docNo}</span>，<span class="date">{cnDate(l.issuedOn)}</span>
                ）
              </span>
              <span class="download-buttons">
                {(['docx', 'pdf'] as const).map((fmt) => (
                  <DownloadButton
                    c={c}
                    t={t}
                    code={code}
                    action="/track/letter"
                    fields={{ letterId: String(l.id), format: fmt }}
                    label={`下载${fmt === 'docx' ? 'Word' : 'PDF'}`}
                  />
                ))}
              </span>
            </li>
          ))}
        </ul>
      )}
      {replied && t.deliveryRequested === 'online' ? (
        <>
          <h2>答复提供的信息</h2>
          {t.files.length === 0 ? (
            <p class="empty">答复未附电子文件，请查看答复书</p>
          ) : (
            <ul class="downloads">
              {t.files.map((f) => (
                <li>
                  <span>
                    {f.fileName} <span class="muted">（{fileSize(f.size)}）</span>
                  </span>
                  <DownloadButton
                    c={c}
                    t={t}
                    code={code}
                    action="/track/file"
                    fields={{ fileId: String(f.id) }}
                    label="下载"
                  />
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </>,
    opts.status,
  );
}

const codeOf = (f: Record<string, string | string[]>) => str(f.code).trim().toUpperCase();

/** A failed look-up as the form again, with what was typed. */
function lookupFailed(c: C, f: Record<string, string | string[]>, e: unknown) {
  if (isDomainError(e) && (e.code === 'validation' || e.code === 'not_found' || e.code === 'rate_limited'))
    return trackForm(
      c,
      {
        values: f,
        errors: e instanceof ValidationError ? e.fieldErrors : {},
        message: e.message,
      },
      e.code === 'rate_limited' ? 429 : 400,
    );
  throw e;
}

export function trackRoutes(app: App): void {
  app.get('/track', (c) => trackForm(c, emptyForm()));

  app.post('/track', async (c) => {
    const f = await formData(c);
    try {
      return await trackResult(c, await trackRequest(c.get('ctx'), f), codeOf(f));
    } catch (e) {
      return lookupFailed(c, f, e);
    }
  });

  app.post('/track/correction', async (c) => {
    const f = await formData(c);
    let t: TrackedRequest;
    try {
      t = await trackRequest(c.get('ctx'), f);
    } catch (e) {
      return lookupFailed(c, f, e);
    }
    try {
      await submitCorrectionOnline(c.get('ctx'), f);
      return trackResult(c, await trackRequest(c.get('ctx'), f), codeOf(f), {
        notice: '补正已提交，答复期限自今日起重新计算',
      });
    } catch (e) {
      if (isDomainError(e) && (e.code === 'validation' || e.code === 'invalid_state'))
        return trackResult(c, t, codeOf(f), {
          correction: {
            values: f,
            errors: e instanceof ValidationError ? e.fieldErrors : {},
            message: e.message,
          },
          notice: e.code === 'invalid_state' ? e.message : undefined,
          status: e.code === 'validation' ? 400 : 409,
        });
      throw e;
    }
  });

  app.post('/track/letter', async (c) => {
    const f = await formData(c);
    const t = await trackRequest(c.get('ctx'), f);
    const id = Number(str(f.letterId));
    if (!t.letters.some((l) => l.id === id)) throw new DomainError('not_found', '未找到该文书');
    const db = c.get('deps').db;
    const row = await findRequestLetter(db, t.id, id);
    if (!row) throw new DomainError('not_found', '未找到该文书');
    const letter = storedLetter(row, await requestAgencyName(db, t.id));
    const pdf = str(f.format) === 'pdf';
    await recordEvent(db, c.get('ctx'), {
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

  // A file provided with the reply (网上获取): only once the reply is issued, only the reply's own files.
  app.post('/track/file', async (c) => {
    const f = await formData(c);
    const t = await trackRequest(c.get('ctx'), f);
    const id = Number(str(f.fileId));
    if (!t.files.some((x) => x.id === id)) throw new DomainError('not_found', '未找到该文件');
    const db = c.get('deps').db;
    const row = await findRequestAttachment(db, t.id, id, DISCLOSED_SOURCE);
    if (!row) throw new DomainError('not_found', '未找到该文件');
    const file = await openUpload(db, filesOf(c), row.storage_path);
    await recordEvent(db, c.get('ctx'), {
      action: 'request.tracked',
      objectType: 'info_request',
      objectId: t.id,
      note: `申请人下载 ${row.file_name}`,
    });
    return sendStored(c, file, {
      'Content-Type': row.content_type,
      'Content-Disposition': attachment(row.file_name),
      'X-Content-Type-Options': 'nosniff',
    });
  });
}
