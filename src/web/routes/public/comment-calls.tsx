/** The portal's 意见征集: open and closed calls, the draft, the screened comments, the comment form, the 采纳情况. */
import type { App, C } from '../../app-env.ts';
import { publicPage, portalAgency } from '../../public-page.tsx';
import { Csrf, Field, FormError, Submit, TextArea, emptyForm, type FormState } from '../../views/forms.tsx';
import { ChallengeField } from '../../views/inquiry-views.tsx';
import { formData, str } from '../../form.ts';
import { DomainError, NotFoundError, ValidationError, isDomainError } from '../../../errors.ts';
import {
  getCommentCall,
  listCommentCalls,
  listComments,
  submitComment,
} from '../../../inquiries/comment-calls.ts';
import { ChallengeRequired, HONEYPOT_FIELD, type Challenge } from '../../../inquiries/abuse.ts';
import { ADOPTION_LABELS } from '../../../inquiries/inquiry.schema.ts';
import { cnDate } from '../../../requests/letters.ts';

async function callPage(
  c: C,
  id: number,
  form: FormState = emptyForm(),
  status = 200,
  challenge: Challenge | null = null,
  notice?: string,
) {
  const agency = await portalAgency(c);
  const call = await getCommentCall(c.get('deps').db, id);
  if (!agency || call.agencyId !== agency.id) throw new NotFoundError('未找到该意见征集');
  const comments = await listComments(c.get('deps').db, id, true);
  const open = c.get('ctx').clock.today() <= call.closesOn;
  return publicPage(
    c,
    call.title,
    <>
      <p>
        <a href="/comment-calls">← 意见征集</a>
      </p>
      <h1>{call.title}</h1>
      <p class="muted">
        征集时间：{cnDate(call.opensOn)}至{cnDate(call.closesOn)}
        {open ? '' : '（已截止）'}
      </p>
      {notice ? (
        <div class="flash" role="status">
          {notice}
        </div>
      ) : null}
      <h2>征求意见稿</h2>
      <div class="prewrap" style="white-space:pre-wrap">
        {call.draftText}
      </div>
      {call.adoptionPublishedOn ? (
        <section aria-labelledby="adopt-h">
          <h2 id="adopt-h">意见采纳情况（{cnDate(call.adoptionPublishedOn)}公布）</h2>
          <p class="prewrap" style="white-space:pre-wrap">
            {call.adoptionSummary}
          </p>
        </section>
      ) : null}
      <h2>公众意见（{comments.length}条）</h2>
      {comments.length === 0 ? (
        <p class="empty">暂无意见</p>
      ) : (
        <ol>
          {comments.map((x) => (
            <li>
              <p class="prewrap" style="white-space:pre-wrap">
                {x.publicBody}
              </p>
              {x.adoption ? (
                <p class="muted">
                  {ADOPTION_LABELS[x.adoption]}
                  {x.adoptionNote ? `：${x.adoptionNote}` : ''}
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {open ? (
        <form method="post" action={`/comment-calls/${id}`} novalidate class="narrow">
          <h2>提出意见</h2>
          <Csrf token={c.get('csrf')} />
          <FormError form={form} />
          <TextArea
            form={form}
            name="body"
            label="您的意见"
            required
            rows={6}
            hint="意见经筛查后公开（遮盖个人信息），姓名和电话不公开"
          />
          <Field form={form} name="contactName" label="姓名或称呼（可选）" />
          <Field
            form={form}
            name="contactPhone"
            label="手机号码（可选，不公开）"
            type="tel"
            inputmode="tel"
          />
          <div
            aria-hidden="true"
            style="position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden"
          >
            <label for="f-website">请勿填写此栏</label>
            <input
              id="f-website"
              name={HONEYPOT_FIELD}
              type="text"
              tabindex={-1}
              autocomplete="off"
              value=""
            />
          </div>
          {challenge ? <ChallengeField challenge={challenge} form={form} /> : null}
          <Submit>提交意见</Submit>
        </form>
      ) : null}
    </>,
    status,
  );
}

export function commentCallRoutes(app: App): void {
  app.get('/comment-calls', async (c) => {
    const agency = await portalAgency(c);
    const calls = agency ? await listCommentCalls(c.get('deps').db, agency.id) : [];
    const today = c.get('ctx').clock.today();
    return publicPage(
      c,
      '意见征集',
      <>
        <h1>意见征集</h1>
        <p>
          <a href="/inquiries">← 互动交流</a>
        </p>
        {calls.length === 0 ? (
          <p class="empty">暂无意见征集</p>
        ) : (
          <ul class="results">
            {calls.map((x) => (
              <li>
                <a href={`/comment-calls/${x.id}`}>{x.title}</a>{' '}
                <span class="muted">
                  {today <= x.closesOn
                    ? `征集中，${cnDate(x.closesOn)}截止`
                    : x.adoptionPublishedOn
                      ? '已公布采纳情况'
                      : '已截止'}
                </span>
              </li>
            ))}
          </ul>
        )}
      </>,
    );
  });

  app.get('/comment-calls/:id{[0-9]+}', (c) => callPage(c, Number(c.req.param('id'))));

  app.post('/comment-calls/:id{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    const agency = await portalAgency(c);
    if (!agency) throw new DomainError('invalid_state', '本系统尚未设置机关');
    try {
      const r = await submitComment(c.get('ctx'), agency, id, f, {
        honeypot: str(f[HONEYPOT_FIELD]),
        challengeToken: str(f.challengeToken),
        challengeAnswer: str(f.challengeAnswer),
      });
      return callPage(
        c,
        id,
        emptyForm(),
        200,
        null,
        r.shown ? '感谢您的意见，已公开显示' : '感谢您的意见，经工作人员审看后公开',
      );
    } catch (e) {
      if (e instanceof ChallengeRequired)
        return callPage(c, id, { values: f, errors: {}, message: e.message }, 429, e.challenge);
      if (isDomainError(e) && ['validation', 'invalid_state', 'rate_limited'].includes(e.code))
        return callPage(
          c,
          id,
          { values: f, errors: e instanceof ValidationError ? e.fieldErrors : {}, message: e.message },
          e.code === 'rate_limited' ? 429 : 400,
        );
      throw e;
    }
  });
}
