/**
 * Back office of 互动交流: the ledger, a message with its history and the steps open to the signed-in user, the
 * conversion into a 依申请公开 request, attachments. Thin: each POST parses, calls one use case, redirects.
 */
import { findInquiryAttachment } from '../../../inquiries/index.ts';
import type { App, C } from '../../app-env.ts';
import { currentUser, officePage } from '../../office-page.tsx';
import { inspectableAgencies } from './requests-shared.tsx';
import { redirectWithFlash } from '../../render.tsx';
import { formData } from '../../form.ts';
import { emptyForm, type FormState } from '../../views/forms.tsx';
import { NotFoundError, ValidationError, isDomainError, assertCan } from '../../../errors.ts';
import { agencyScope, getAgency, listOffices, listVillages } from '../../../org/org.queries.ts';
import { submitInquiry } from '../../../inquiries/submit-inquiry.ts';
import { getInquirySettings } from '../../../inquiries/settings.ts';
import { OfficeAskFields } from '../../views/inquiry-views.tsx';
import { getInquiry, inquiryAgencyScope, inquiryScope } from '../../../inquiries/inquiries.queries.ts';
import { inquiryPolicy } from '../../../inquiries/inquiry.policy.ts';
import { listLedger } from '../../../inquiries/ledger.ts';
import {
  INQUIRY_KINDS,
  INQUIRY_STATES,
  KIND_LABELS,
  RATING_LABELS,
  STATE_LABELS,
} from '../../../inquiries/inquiry.ts';
import { routeInquiry, requestTransfer, decideTransfer } from '../../../inquiries/route-inquiry.ts';
import { approveReply, extendInquiry, returnReply, submitReply } from '../../../inquiries/reply-inquiry.ts';
import { mergeInquiry, referInquiry, rejectInquiry } from '../../../inquiries/close-inquiry.ts';
import { publishInquiry, saveFaq, unpublishInquiry } from '../../../inquiries/publish-inquiry.ts';
import { convertInquiry } from '../../../inquiries/convert-inquiry.ts';
import { openUpload } from '../../../requests/uploads.ts';
import { filesOf, sendStored } from '../../stored-file.ts';
import { attachment } from '../../../documents/xlsx.ts';
import { Csrf, FormError, Select, Field, Submit } from '../../views/forms.tsx';
import { detailPage, convertPage } from './inquiry-detail.tsx';
import type { Ctx } from '../../../context.ts';

const BASE = '/office/inquiries';
const ID = '{[0-9]+}';

type Step = {
  fn: (ctx: Ctx, id: number, f: Record<string, string | string[]>) => Promise<unknown>;
  done: string;
};
const STEPS: Record<string, Step> = {
  route: { fn: routeInquiry, done: '已分办' },
  transfer: { fn: requestTransfer, done: '已申请移交，等待对方接受' },
  'decide-transfer': { fn: decideTransfer, done: '已处理移交' },
  extend: { fn: extendInquiry, done: '已延期' },
  reply: { fn: submitReply, done: '答复已提交审核' },
  approve: { fn: approveReply, done: '答复已审核通过，已告知留言人' },
  return: { fn: returnReply, done: '答复已退回' },
  merge: { fn: mergeInquiry, done: '已合并' },
  refer: { fn: referInquiry, done: '已转办，已告知留言人' },
  reject: { fn: rejectInquiry, done: '已不予受理，已告知留言人' },
  publish: { fn: publishInquiry, done: '已公开发布' },
  unpublish: { fn: unpublishInquiry, done: '已撤回公开' },
  faq: {
    fn: async (ctx, id, f) => {
      const q = await getInquiry(ctx.db, id);
      return saveFaq(ctx, q.agencyId, null, { ...f, officeId: String(q.officeId ?? '') }, id);
    },
    done: '已加入常见问题',
  },
};

const userError = (e: unknown) =>
  isDomainError(e) && ['validation', 'invalid_state', 'conflict'].includes(e.code);
const formOf = (e: unknown, f: FormState['values']): FormState | null =>
  userError(e)
    ? { values: f, errors: e instanceof ValidationError ? e.fieldErrors : {}, message: (e as Error).message }
    : null;

/**
 * Whose ledger: ?agency=ID (a county inspector reads the agencies below it), else the user's own — or, for an
 * inspector who cannot read its own agency's messages, the first agency below. The policy decides, so an outsider's
 * choice is "not found".
 */
async function ledgerAgency(c: C, picks: { value: string }[]): Promise<number> {
  const user = currentUser(c);
  const chosen = Number(c.req.query('agency'));
  if (Number.isInteger(chosen) && chosen > 0) return chosen;
  const own = await agencyScope(c.get('deps').db, user.agencyId);
  if (inquiryPolicy.view(c.get('ctx').actor, { ...own, officeId: null })) return user.agencyId;
  return Number(picks.find((a) => Number(a.value) !== user.agencyId)?.value ?? user.agencyId);
}

async function ledgerPage(c: C) {
  const picks = await inspectableAgencies(c);
  const agencyId = await ledgerAgency(c, picks);
  const scope = await inquiryAgencyScope(c.get('deps').db, agencyId);
  assertCan(inquiryPolicy.view(c.get('ctx').actor, { ...scope, officeId: null }), { hide: true });
  const canManage = inquiryPolicy.manage(c.get('ctx').actor, scope);
  const canSettings = inquiryPolicy.manageSettings(c.get('ctx').actor, scope);
  const q = c.req.query();
  const offices = await listOffices(c.get('deps').db, agencyId);
  const names = new Map(offices.map((o) => [o.id, o.name]));
  const rows = await listLedger(c.get('deps').db, agencyId, {
    status: INQUIRY_STATES.includes(q.status as never) ? q.status : undefined,
    kind: INQUIRY_KINDS.includes(q.kind as never) ? q.kind : undefined,
    officeId: q.officeId ? Number(q.officeId) : null,
    q: (q.q ?? '').slice(0, 60) || undefined,
  });
  const today = c.get('ctx').clock.today();
  const f = emptyForm(q);
  return officePage(
    c,
    '互动交流',
    <>
      <h1>互动交流 · 留言台账</h1>
      <p>
        <a href="/office/inquiries/figures">办理统计</a>
        {canManage ? (
          <>
            {' '}
            · <a href={`${BASE}/new`}>登记电话或微信留言</a>· <a href="/office/inquiries/faq">常见问题</a> ·{' '}
            <a href="/office/comment-calls">意见征集</a>
          </>
        ) : null}
        {canSettings ? (
          <>
            {' '}
            · <a href="/office/inquiries/settings">设置与分办规则</a>
          </>
        ) : null}
      </p>
      <form method="get" action={BASE} class="filters">
        {picks.length > 1 ? (
          <Select form={emptyForm({ agency: String(agencyId) })} name="agency" label="机关" options={picks} />
        ) : null}
        <Select
          form={f}
          name="status"
          label="状态"
          blank="全部"
          options={INQUIRY_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] }))}
        />
        <Select
          form={f}
          name="kind"
          label="类型"
          blank="全部"
          options={INQUIRY_KINDS.map((s) => ({ value: s, label: KIND_LABELS[s] }))}
        />
        <Select
          form={f}
          name="officeId"
          label="承办单位"
          blank="全部"
          options={offices.map((o) => ({ value: String(o.id), label: o.name }))}
        />
        <Field form={f} name="q" label="编号或内容" />
        <button type="submit">筛选</button>
      </form>
      <p class="muted">
        共 {rows.length} 条{rows.length === 200 ? '（仅显示最新200条，请筛选）' : ''}
      </p>
      {rows.length === 0 ? (
        <p class="empty">没有符合条件的留言</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">留言编号</th>
                <th scope="col">收到日期</th>
                <th scope="col">类型·事项</th>
                <th scope="col">内容</th>
                <th scope="col">承办单位</th>
                <th scope="col">答复期限</th>
                <th scope="col">状态</th>
                <th scope="col">评价</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const open = ['pending_routing', 'in_progress', 'pending_approval'].includes(r.status);
                return (
                  <tr>
                    <td>
                      <a href={`${BASE}/${r.id}`}>{r.reference}</a>
                      {r.merged ? <span class="badge">{r.merged + 1}人反映</span> : null}
                    </td>
                    <td>{r.receivedOn}</td>
                    <td>
                      {KIND_LABELS[r.kind]}·{r.topic}
                    </td>
                    <td>
                      {r.excerpt}
                      {r.needsScreening ? <span class="badge warn">需审看</span> : null}
                    </td>
                    <td>{r.officeId ? names.get(r.officeId) : '—'}</td>
                    <td>
                      {open && today > r.dueOn ? <span class="badge err">{r.dueOn} 已超期</span> : r.dueOn}
                    </td>
                    <td>{STATE_LABELS[r.status]}</td>
                    <td>{r.rating ? RATING_LABELS[r.rating] : <span class="muted">未评价</span>}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>,
  );
}

export function inquiryOfficeRoutes(app: App): void {
  app.get(BASE, (c) => ledgerPage(c));
  app.get(`${BASE}/:id${ID}`, (c) => detailPage(c, Number(c.req.param('id'))));

  app.get(`${BASE}/:id${ID}/convert`, (c) => convertPage(c, Number(c.req.param('id'))));
  app.post(`${BASE}/:id${ID}/convert`, async (c) => {
    const id = Number(c.req.param('id'));
    const f = await formData(c);
    try {
      const r = await convertInquiry(c.get('ctx'), id, f);
      return redirectWithFlash(
        c,
        `/office/requests/${r.id}`,
        `已转为政府信息公开申请：${r.reference}，收到申请之日为今天`,
      );
    } catch (e) {
      const form = formOf(e, f);
      if (form) return convertPage(c, id, form, 400);
      throw e;
    }
  });

  app.get(`${BASE}/:id${ID}/attachments/:aid${ID}`, async (c) => {
    const q = await getInquiry(c.get('deps').db, Number(c.req.param('id')));
    assertCan(inquiryPolicy.view(c.get('ctx').actor, await inquiryScope(c.get('deps').db, q)), {
      hide: true,
    });
    const a = await findInquiryAttachment(c.get('deps').db, q.id, Number(c.req.param('aid')));
    if (!a) throw new NotFoundError('未找到该附件');
    const file = await openUpload(c.get('deps').db, filesOf(c), a.storagePath);
    return sendStored(c, file, {
      'Content-Type': a.contentType,
      'Content-Disposition': attachment(a.fileName),
    });
  });

  app.post(`${BASE}/:id${ID}/:step`, async (c) => {
    const id = Number(c.req.param('id'));
    const name = c.req.param('step');
    const step = STEPS[name];
    if (!step) throw new NotFoundError();
    const f = await formData(c);
    try {
      await step.fn(c.get('ctx'), id, f);
      return redirectWithFlash(c, `${BASE}/${id}`, step.done);
    } catch (e) {
      const form = formOf(e, f);
      if (form) return detailPage(c, id, { [name]: form }, e instanceof ValidationError ? 400 : 409);
      throw e;
    }
  });
}

/** A clerk enters a message taken by phone or from a WeChat conversation. */
export function inquiryIntakeRoutes(app: App): void {
  app.get(`${BASE}/new`, (c) => newPage(c, emptyForm({ channel: 'phone' })));
  app.post(`${BASE}/new`, async (c) => {
    const f = await formData(c);
    try {
      const agency = await getAgency(c.get('deps').db, currentUser(c).agencyId);
      const channel = f.channel === 'wechat' ? 'wechat' : 'phone';
      const q = await submitInquiry(c.get('ctx'), agency, f, { channel });
      return redirectWithFlash(
        c,
        `${BASE}/${q.id}`,
        `已登记留言${q.reference}，查询码${q.trackingCode}（请告知留言人）`,
      );
    } catch (e) {
      const form = formOf(e, f);
      if (form) return newPage(c, form, 400);
      throw e;
    }
  });
}

async function newPage(c: C, form: FormState, status = 200) {
  const user = currentUser(c);
  const db = c.get('deps').db;
  assertCan(inquiryPolicy.manage(c.get('ctx').actor, await inquiryAgencyScope(db, user.agencyId)), {
    hide: true,
  });
  const [settings, villages, offices] = await Promise.all([
    getInquirySettings(db, user.agencyId),
    listVillages(db, user.agencyId),
    listOffices(db, user.agencyId),
  ]);
  return officePage(
    c,
    '登记留言',
    <>
      <p>
        <a href={BASE}>← 留言台账</a>
      </p>
      <h1>登记电话或微信留言</h1>
      <form method="post" action={`${BASE}/new`} novalidate class="narrow">
        <Csrf token={c.get('csrf')} />
        <FormError form={form} />
        <Select
          form={form}
          name="channel"
          label="来源"
          required
          options={[
            { value: 'phone', label: '电话' },
            { value: 'wechat', label: '微信' },
          ]}
        />
        <OfficeAskFields form={form} topics={settings.topics} villages={villages} offices={offices} />
        <Submit>登记</Submit>
      </form>
    </>,
    status,
  );
}
