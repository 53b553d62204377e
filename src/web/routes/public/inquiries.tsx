/**
 * The portal's 互动交流: the phone-first message form with its receipt, tracking with rating and reopen, the
 * published Q&A, the FAQ, the public 不予受理 reasons and the monthly figures. Contact details never appear on any
 * of these pages.
 */
import type { App, C } from '../../app-env.ts';
import { publicPage } from '../../public-page.tsx';
import { Csrf, Field, FormError, Submit, emptyForm, type FormState } from '../../views/forms.tsx';
import { AskForm, History, RateForm, ReopenForm } from '../../views/inquiry-views.tsx';
import { formData, list, str, uploadedFiles } from '../../form.ts';
import {
  findHeldUploads,
  holdUpload,
  readHeldUploads,
  releaseHeldUploads,
  type HeldFile,
} from '../../../uploads/held-uploads.ts';
import { NotFoundError, ValidationError, isDomainError, parseInput } from '../../../errors.ts';
import { InquiryInput } from '../../../inquiries/inquiry.schema.ts';
import { listOffices, listVillages } from '../../../org/org.queries.ts';
import { getInquirySettings } from '../../../inquiries/settings.ts';
import { submitInquiry } from '../../../inquiries/submit-inquiry.ts';
import { ChallengeRequired, HONEYPOT_FIELD } from '../../../inquiries/abuse.ts';
import {
  rateInquiry,
  reopenInquiry,
  trackInquiry,
  type TrackedInquiry,
} from '../../../inquiries/citizen-inquiry.ts';
import { findPublishedInquiry, listPublishedInquiries } from '../../../inquiries/public-inquiries.ts';
import { KIND_LABELS, STATE_LABELS, OUTCOME_LABELS } from '../../../inquiries/inquiry.ts';
import { checkUpload, MAX_UPLOADS_PER_SUBMIT, type UploadInput } from '../../../requests/uploads.ts';
import { filesOf } from '../../stored-file.ts';
import { cnDate } from '../../../requests/letters.ts';
import { commentCallRoutes } from './comment-calls.tsx';
import { inquiryInfoRoutes, requireAgency, Tabs } from './inquiries-info.tsx';

async function askPage(
  c: C,
  form: FormState,
  status = 200,
  challenge: ChallengeRequired['challenge'] | null = null,
  held: HeldFile[] = [],
) {
  const agency = await requireAgency(c);
  const db = c.get('deps').db;
  const [settings, villages, offices] = await Promise.all([
    getInquirySettings(db, agency.id),
    listVillages(db, agency.id),
    listOffices(db, agency.id),
  ]);
  return publicPage(
    c,
    '我要留言',
    <>
      <h1>我要留言</h1>
      <p>
        咨询一般在{settings.replyDays.question}个工作日内答复，建议{settings.replyDays.suggestion}
        个工作日，投诉、求助
        {settings.replyDays.complaint}个工作日。申请获取政府信息请走<a href="/apply">依申请公开</a>。
      </p>
      <AskForm
        form={form}
        csrf={c.get('csrf')}
        topics={settings.topics}
        villages={villages}
        offices={offices}
        challenge={challenge}
        held={held}
      />
    </>,
    status,
  );
}

const uploadsOf = (c: C) => uploadedFiles(c, MAX_UPLOADS_PER_SUBMIT);
const HELD_PURPOSE = 'inquiry';

function trackForm(c: C, form: FormState, status = 200) {
  return publicPage(
    c,
    '留言查询',
    <>
      <h1>留言查询</h1>
      <Tabs />
      <p>请输入提交留言时页面（或短信）上的留言编号和查询码。</p>
      <form method="post" action="/inquiries/track" novalidate class="narrow">
        <Csrf token={c.get('csrf')} />
        <FormError form={form} />
        <Field form={form} name="reference" label="留言编号" required />
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

function trackPage(
  c: C,
  t: TrackedInquiry,
  code: string,
  forms: { rate?: FormState; reopen?: FormState } = {},
  status = 200,
) {
  const q = t.inquiry;
  return publicPage(
    c,
    '留言办理情况',
    <>
      <h1>留言办理情况</h1>
      <dl class="facts">
        <dt>留言编号</dt>
        <dd>{q.reference}</dd>
        <dt>类型</dt>
        <dd>
          {KIND_LABELS[q.kind]} · {q.topic}
        </dd>
        <dt>办理状态</dt>
        <dd>
          <strong data-status>{STATE_LABELS[q.status]}</strong>
          {t.reporters > 1 ? <span class="badge">{t.reporters}人反映</span> : null}
        </dd>
        <dt>承办单位</dt>
        <dd>{t.officeName ?? '待分办'}</dd>
        <dt>答复期限</dt>
        <dd>{cnDate(q.dueOn)}</dd>
        {t.mainReference ? (
          <>
            <dt>合并办理</dt>
            <dd>与留言{t.mainReference}合并办理，答复相同</dd>
          </>
        ) : null}
        {t.requestReference ? (
          <>
            <dt>政府信息公开申请</dt>
            <dd>
              已转为申请，登记编号 {t.requestReference}（凭申请回执上的查询码在“<a href="/track">申请查询</a>
              ”查看）
            </dd>
          </>
        ) : null}
      </dl>
      <h2>您的留言</h2>
      <p class="prewrap" style="white-space:pre-wrap">
        {q.body}
      </p>
      {t.reply ? (
        <section aria-labelledby="reply-h">
          <h2 id="reply-h">答复{t.repliedOn ? `（${cnDate(t.repliedOn)}）` : ''}</h2>
          {q.outcome && q.outcome !== 'answer' ? <p class="muted">{OUTCOME_LABELS[q.outcome]}</p> : null}
          <p class="prewrap" style="white-space:pre-wrap" data-reply>
            {t.reply}
          </p>
        </section>
      ) : null}
      {q.rating ? (
        <p>
          您的评价：
          <strong>
            {{ satisfied: '满意', basically_satisfied: '基本满意', dissatisfied: '不满意' }[q.rating]}
          </strong>
        </p>
      ) : null}
      {t.canRate ? (
        <RateForm csrf={c.get('csrf')} reference={q.reference} code={code} form={forms.rate ?? emptyForm()} />
      ) : null}
      {t.canReopen && t.reopenUntil ? (
        <ReopenForm
          csrf={c.get('csrf')}
          reference={q.reference}
          code={code}
          form={forms.reopen ?? emptyForm()}
          until={t.reopenUntil}
        />
      ) : null}
      <h2>办理过程</h2>
      <History events={t.events} />
    </>,
    status,
  );
}

const userError = (e: unknown) =>
  isDomainError(e) &&
  ['validation', 'not_found', 'rate_limited', 'invalid_state', 'too_large'].includes(e.code);
const formOf = (e: unknown, f: FormState['values']): FormState | null =>
  userError(e)
    ? { values: f, errors: e instanceof ValidationError ? e.fieldErrors : {}, message: (e as Error).message }
    : null;

export function inquiryPortalRoutes(app: App): void {
  app.get('/inquiries', async (c) => {
    const agency = await requireAgency(c);
    const { items } = await listPublishedInquiries(c.get('deps').db, agency.id, { limit: 50 });
    return publicPage(
      c,
      '互动交流',
      <>
        <h1>互动交流</h1>
        <Tabs />
        <h2>留言选登</h2>
        {items.length === 0 ? (
          <p class="empty">暂无公开的留言</p>
        ) : (
          <ul class="results">
            {items.map((r) => (
              <li>
                <a href={`/inquiries/public/${r.id}`}>{r.title}</a>{' '}
                <span class="muted">
                  {KIND_LABELS[r.kind]} · {r.officeName ?? ''} · {r.repliedOn ? cnDate(r.repliedOn) : ''}答复
                </span>
              </li>
            ))}
          </ul>
        )}
      </>,
    );
  });

  app.get('/inquiries/public/:id{[0-9]+}', async (c) => {
    const agency = await requireAgency(c);
    const r = await findPublishedInquiry(c.get('deps').db, agency.id, Number(c.req.param('id')));
    if (!r) throw new NotFoundError('未找到该留言');
    return publicPage(
      c,
      r.title || '留言',
      <>
        <p>
          <a href="/inquiries">← 留言选登</a>
        </p>
        <h1>{r.title}</h1>
        <p class="muted">
          {KIND_LABELS[r.kind]} · {r.topic} · {cnDate(r.receivedOn)}留言
          {r.reporters > 1 ? ` · ${r.reporters}人反映` : ''}
        </p>
        <h2>留言内容</h2>
        <p class="prewrap" style="white-space:pre-wrap">
          {r.body}
        </p>
        <h2>答复</h2>
        <p class="muted">
          答复单位：{r.officeName ?? agency.name} · 答复日期：{r.repliedOn ? cnDate(r.repliedOn) : ''}
        </p>
        <p class="prewrap" style="white-space:pre-wrap">
          {r.reply}
        </p>
      </>,
    );
  });

  app.get('/inquiries/ask', (c) => askPage(c, emptyForm()));

  app.post('/inquiries/ask', async (c) => {
    const f = await formData(c);
    const agency = await requireAgency(c);
    const { db, clock } = c.get('ctx');
    const store = filesOf(c);
    // Files held from an earlier failed attempt (the same way as the apply form): kept unless ticked 移除.
    const dropped = new Set(list(f.dropUpload));
    await releaseHeldUploads(db, store, HELD_PURPOSE, [...dropped]);
    const held = await findHeldUploads(
      db,
      HELD_PURPOSE,
      list(f.heldUpload).filter((t) => !dropped.has(t)),
      clock.now(),
    );
    let acceptable: UploadInput[] = [];
    try {
      const fresh = await uploadsOf(c);
      // Only acceptable files are held for the next attempt; a wrong one is named in the error.
      acceptable = fresh.filter((u) => {
        try {
          checkUpload(u);
          return true;
        } catch {
          return false;
        }
      });
      parseInput(InquiryInput, f); // validate before any file is stored
      fresh.forEach(checkUpload);
      if (held.length + fresh.length > MAX_UPLOADS_PER_SUBMIT)
        throw new ValidationError(`附件最多${MAX_UPLOADS_PER_SUBMIT}个，请移除多余的附件`, {
          files: '附件过多',
        });
      const heldBytes = await readHeldUploads(
        db,
        store,
        HELD_PURPOSE,
        held.map((h) => h.token),
        clock.now(),
      );
      const uploads = [...heldBytes.map((h) => ({ name: h.fileName, bytes: h.bytes })), ...acceptable];
      const abuse = {
        honeypot: str(f[HONEYPOT_FIELD]),
        challengeToken: str(f.challengeToken),
        challengeAnswer: str(f.challengeAnswer),
      };
      const q = await submitInquiry(c.get('ctx'), agency, f, {
        abuse,
        uploads: { store, files: uploads },
      });
      await releaseHeldUploads(
        db,
        store,
        HELD_PURPOSE,
        held.map((h) => h.token),
      );
      return publicPage(
        c,
        '留言已提交',
        <>
          <h1>留言已提交</h1>
          <p>我们已收到您的留言，将在{cnDate(q.dueOn)}前答复。</p>
          <dl class="facts">
            <dt>留言编号</dt>
            <dd>
              <strong data-reference>{q.reference}</strong>
            </dd>
            <dt>查询码</dt>
            <dd>
              <strong data-tracking-code>{q.trackingCode}</strong>
            </dd>
          </dl>
          <p>
            请抄写或截图保存留言编号和查询码（已同时发送到您留下的手机或邮箱），凭此在“
            <a href="/inquiries/track">留言查询</a>”查看进度、答复并评价。
          </p>
        </>,
      );
    } catch (e) {
      const form = e instanceof ChallengeRequired ? null : formOf(e, f);
      if (!(e instanceof ChallengeRequired) && !form) throw e;
      // Keep the acceptable new files (within the limit) for the next attempt.
      const room = Math.max(0, MAX_UPLOADS_PER_SUBMIT - held.length);
      for (const u of acceptable.slice(0, room)) {
        const { mime } = checkUpload(u);
        held.push(
          await holdUpload(
            db,
            store,
            HELD_PURPOSE,
            { ...u, fileName: u.name, contentType: mime },
            clock.now(),
          ),
        );
      }
      if (e instanceof ChallengeRequired)
        return askPage(c, { values: f, errors: {}, message: e.message }, 429, e.challenge, held);
      return askPage(c, form!, isDomainError(e) && e.code === 'rate_limited' ? 429 : 400, null, held);
    }
  });

  app.get('/inquiries/track', (c) => trackForm(c, emptyForm()));

  app.post('/inquiries/track', async (c) => {
    const f = await formData(c);
    try {
      const t = await trackInquiry(c.get('ctx'), f);
      return trackPage(c, t, str(f.code).trim().toUpperCase());
    } catch (e) {
      const form = formOf(e, f);
      if (form) return trackForm(c, form, isDomainError(e) && e.code === 'rate_limited' ? 429 : 400);
      throw e;
    }
  });

  for (const step of ['rate', 'reopen'] as const)
    app.post(`/inquiries/track/${step}`, async (c) => {
      const f = await formData(c);
      const code = str(f.code).trim().toUpperCase();
      try {
        const t = step === 'rate' ? await rateInquiry(c.get('ctx'), f) : await reopenInquiry(c.get('ctx'), f);
        return trackPage(c, t, code);
      } catch (e) {
        const form = formOf(e, f);
        if (!form) throw e;
        if (isDomainError(e) && (e.code === 'not_found' || e.code === 'rate_limited'))
          return trackForm(c, form, 400);
        const t = await trackInquiry(c.get('ctx'), f);
        return trackPage(c, t, code, { [step]: form }, 400);
      }
    });

  inquiryInfoRoutes(app);
  commentCallRoutes(app);
}
