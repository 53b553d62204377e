/** Back office of 意见征集 (互动交流): create a call, moderate its comments, publish the 采纳情况. */
import { commentCallOf } from '../../../inquiries/index.ts';
import { formOf } from './inquiries-admin.tsx';
import type { App, C } from '../../app-env.ts';
import { currentUser, officePage } from '../../office-page.tsx';
import { redirectWithFlash } from '../../render.tsx';
import { formData, list, str } from '../../form.ts';
import {
  Csrf,
  Field,
  FormError,
  Select,
  Submit,
  TextArea,
  emptyForm,
  type FormState,
} from '../../views/forms.tsx';
import { ScreenReport } from '../../views/inquiry-views.tsx';
import { assertCan, NotFoundError } from '../../../errors.ts';
import { listOffices } from '../../../org/org.queries.ts';
import { inquiryAgencyScope } from '../../../inquiries/inquiries.queries.ts';
import { inquiryPolicy } from '../../../inquiries/inquiry.policy.ts';
import {
  createCommentCall,
  getCommentCall,
  listCommentCalls,
  listComments,
  moderateComment,
  publishAdoption,
} from '../../../inquiries/comment-calls.ts';
import { ADOPTIONS, ADOPTION_LABELS } from '../../../inquiries/inquiry.schema.ts';
import { cnDate } from '../../../requests/letters.ts';
import { cutChars } from '../../../text/cut.ts';

async function callsPage(c: C, form?: FormState, status = 200) {
  const user = currentUser(c);
  const db = c.get('deps').db;
  assertCan(inquiryPolicy.manage(c.get('ctx').actor, await inquiryAgencyScope(db, user.agencyId)), {
    hide: true,
  });
  const calls = await listCommentCalls(db, user.agencyId);
  const offices = await listOffices(db, user.agencyId);
  const today = c.get('ctx').clock.today();
  const f = form ?? emptyForm();
  return officePage(
    c,
    '意见征集',
    <>
      <h1>意见征集</h1>
      <ul>
        {calls.map((x) => (
          <li>
            <a href={`/office/comment-calls/${x.id}`}>{x.title}</a>{' '}
            <span class="muted">
              {today <= x.closesOn
                ? `征集中，${x.closesOn}截止`
                : x.adoptionPublishedOn
                  ? `已公布采纳情况（${x.adoptionPublishedOn}）`
                  : today > x.adoptionDueOn
                    ? ''
                    : `已截止，采纳情况应于${x.adoptionDueOn}前公布`}
            </span>
            {!x.adoptionPublishedOn && today > x.adoptionDueOn ? (
              <span class="badge err">采纳情况逾期未公布</span>
            ) : null}
          </li>
        ))}
      </ul>
      <h2>发布征求意见稿</h2>
      <form method="post" action="/office/comment-calls" novalidate class="narrow">
        <Csrf token={c.get('csrf')} />
        <FormError form={f} />
        <Field form={f} name="title" label="标题" required />
        <Select
          form={f}
          name="officeId"
          label="起草单位"
          blank="本机关"
          options={offices.map((o) => ({ value: String(o.id), label: o.name }))}
        />
        <TextArea form={f} name="draftText" label="征求意见稿内容" rows={10} required />
        <Field form={f} name="closesOn" label="截止日期" type="date" required />
        <Submit>发布</Submit>
      </form>
    </>,
    status,
  );
}

async function callPage(c: C, id: number, form?: FormState, status = 200) {
  const db = c.get('deps').db;
  const call = await getCommentCall(db, id);
  assertCan(inquiryPolicy.manage(c.get('ctx').actor, await inquiryAgencyScope(db, call.agencyId)), {
    hide: true,
  });
  const comments = await listComments(db, id);
  const closed = c.get('ctx').clock.today() > call.closesOn;
  const f = form ?? emptyForm({ summary: call.adoptionSummary ?? '' });
  return officePage(
    c,
    call.title,
    <>
      <p>
        <a href="/office/comment-calls">← 意见征集</a>
      </p>
      <h1>{call.title}</h1>
      <p class="muted">
        {cnDate(call.opensOn)}至{cnDate(call.closesOn)} · 采纳情况应于{cnDate(call.adoptionDueOn)}前公布
        {call.adoptionPublishedOn ? ` · 已于${cnDate(call.adoptionPublishedOn)}公布` : ''}
      </p>
      <h2>意见（{comments.length}条）</h2>
      {comments.map((x) => (
        <section class="card">
          <p class="prewrap" style="white-space:pre-wrap">
            {x.body}
          </p>
          <p class="muted">
            {x.status === 'shown' ? '已公开' : x.status === 'held' ? '待审看' : '不公开'}
            {x.contactName ? ` · ${x.contactName}` : ''}
          </p>
          <ScreenReport screen={x.screen} />
          <form method="post" action={`/office/comment-calls/comments/${x.id}`} class="inline-form">
            <Csrf token={c.get('csrf')} />
            <button type="submit" name="show" value={x.status === 'shown' ? '0' : '1'}>
              {x.status === 'shown' ? '不公开' : '公开'}
            </button>
          </form>
        </section>
      ))}
      {closed ? (
        <form method="post" action={`/office/comment-calls/${id}/adoption`} novalidate>
          <h2>采纳情况</h2>
          <Csrf token={c.get('csrf')} />
          <FormError form={f} />
          {comments
            .filter((x) => x.status === 'shown')
            .map((x, i) => (
              <fieldset class="field">
                <legend>
                  第{i + 1}条：{cutChars(x.publicBody, 30)}
                </legend>
                <input type="hidden" name="itemId" value={String(x.id)} />
                <select name="itemAdoption" aria-label={`第${i + 1}条意见的采纳情况`}>
                  {ADOPTIONS.map((a) => (
                    <option value={a} selected={x.adoption === a}>
                      {ADOPTION_LABELS[a]}
                    </option>
                  ))}
                </select>
                <input
                  name="itemNote"
                  aria-label={`第${i + 1}条意见的说明`}
                  value={x.adoptionNote ?? ''}
                  placeholder="未采纳或部分采纳的理由"
                />
              </fieldset>
            ))}
          <TextArea form={f} name="summary" label="采纳情况说明（公开）" rows={5} required />
          <Submit>公布采纳情况</Submit>
        </form>
      ) : (
        <p class="muted">征集截止后填写并公布采纳情况。</p>
      )}
    </>,
    status,
  );
}

/** The 意见征集 pages (listed right after inquiryAdminRoutes in the feature manifest). */
export function commentCallAdminRoutes(app: App): void {
  app.get('/office/comment-calls', (c) => callsPage(c));
  app.post('/office/comment-calls', async (c) => {
    const f = await formData(c);
    try {
      const call = await createCommentCall(c.get('ctx'), currentUser(c).agencyId, f);
      return redirectWithFlash(c, `/office/comment-calls/${call.id}`, '意见征集已发布');
    } catch (e) {
      const form = formOf(e, f);
      if (form) return callsPage(c, form, 400);
      throw e;
    }
  });
  app.get('/office/comment-calls/:id{[0-9]+}', (c) => callPage(c, Number(c.req.param('id'))));
  app.post('/office/comment-calls/comments/:id{[0-9]+}', async (c) => {
    const f = await formData(c);
    const id = Number(c.req.param('id'));
    await moderateComment(c.get('ctx'), id, str(f.show) === '1');
    const callId = await commentCallOf(c.get('deps').db, id);
    if (callId == null) throw new NotFoundError();
    return redirectWithFlash(c, `/office/comment-calls/${callId}`, '已更新');
  });
  app.post('/office/comment-calls/:id{[0-9]+}/adoption', async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    const ids = list(f.itemId);
    const ad = list(f.itemAdoption);
    const notes = list(f.itemNote);
    try {
      await publishAdoption(c.get('ctx'), id, {
        summary: str(f.summary),
        items: ids.map((x, i) => ({ id: x, adoption: ad[i], note: notes[i] ?? '' })),
      });
      return redirectWithFlash(c, `/office/comment-calls/${id}`, '采纳情况已公布');
    } catch (e) {
      const form = formOf(e, f);
      if (form) return callPage(c, id, form, 400);
      throw e;
    }
  });
}
