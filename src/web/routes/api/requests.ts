/**
 * JSON API of 依申请公开 under /api/requests (session authentication; writes carry X-CSRF-Token — checked
 * globally). The same use cases and schemas as the web forms; documented in /api/openapi.json.
 */
import { presentRequest } from '../../presenters/request-presenter.ts';
import type { MiddlewareHandler } from 'hono';
import type { App, AppEnv } from '../../app-env.ts';
import { DomainError, NotFoundError, ValidationError } from '../../../errors.ts';
import { currentUser } from '../../office-page.tsx';
import { REQUEST_STEPS } from '../../request-steps.ts';
import { listLedger } from '../../../requests/ledger.ts';
import { registerRequest } from '../../../requests/register-request.ts';
import { resolveRequest } from '../../../requests/request-step.ts';
import { actionsFrom } from '../../../requests/request.ts';
import { letterDocx, letterPdf, storedLetter } from '../../../requests/render-letter.ts';
import { DOCX_TYPE } from '../../../documents/docx.ts';
import { computeRequestReport } from '../../../requests/report-tables.ts';
import { recordAppeal, updateAppeal } from '../../../requests/record-appeal.ts';
import {
  findRequestLetter,
  listRequestLetters,
  requestClock,
  requestScope,
} from '../../../requests/index.ts';
import { requestPolicy } from '../../../requests/request.policy.ts';
import { assertCan } from '../../../errors.ts';
import { addApiPaths, openApiDocumentFor, type OpenApiOperation } from './openapi.ts';

const requireApiUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.get('session')) throw new DomainError('unauthenticated', '请先登录');
  return next();
};

async function jsonBody(c: Parameters<MiddlewareHandler<AppEnv>>[0]): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new ValidationError('请求体应为 JSON');
  }
}

export function requestsApiRoutes(app: App): void {
  app.get('/api/openapi.json', (c) =>
    c.json(openApiDocumentFor(c.get('deps').config.publicUrl ?? new URL(c.req.url).origin)),
  );
  app.use('/api/requests', requireApiUser);
  app.use('/api/requests/*', requireApiUser);
  app.use('/api/appeals', requireApiUser);
  app.use('/api/appeals/*', requireApiUser);

  app.get('/api/requests', async (c) =>
    c.json(await listLedger(c.get('ctx'), currentUser(c).agencyId, c.req.query())),
  );

  app.post('/api/requests', async (c) => {
    const r = await registerRequest(c.get('ctx'), currentUser(c).agencyId, await jsonBody(c));
    return c.json(
      { id: r.id, reference: r.reference, status: r.status, receivedOn: r.receivedOn, dueOn: r.dueOn },
      201,
    );
  });

  app.get('/api/requests/report/:year{[0-9]{4}}', async (c) => {
    const agencyId = currentUser(c).agencyId;
    assertCan(requestPolicy.view(c.get('ctx').actor, await requestScope(c.get('deps').db, agencyId)), {
      hide: true,
    });
    const year = Number(c.req.param('year'));
    return c.json({ year, ...(await computeRequestReport(c.get('deps').db, agencyId, year)) });
  });

  app.get('/api/requests/:id{[0-9]+}', async (c) => {
    const id = Number(c.req.param('id'));
    const { request: r } = await resolveRequest(c.get('ctx'), id);
    const db = c.get('deps').db;
    const clock = await requestClock(db, r);
    const letters = await listRequestLetters(db, id);
    return c.json({
      ...presentRequest(r),
      actions: actionsFrom(r.status),
      clock: clock ? { due: clock.due, provisional: clock.provisional, steps: clock.steps } : null,
      letters: letters.map((l) => ({
        id: l.id,
        kind: l.kind,
        docNo: l.doc_no,
        title: l.title,
        addressee: l.addressee,
        issuedOn: l.issued_on,
        forApplicant: Boolean(l.for_applicant),
      })),
    });
  });

  app.get('/api/requests/:id{[0-9]+}/letters/:lid{[0-9]+\\.(docx|pdf)}', async (c) => {
    const id = Number(c.req.param('id'));
    const { agency } = await resolveRequest(c.get('ctx'), id);
    const [lid, fmt] = c.req.param('lid').split('.');
    const row = await findRequestLetter(c.get('deps').db, id, Number(lid));
    if (!row) throw new NotFoundError('未找到该文书');
    const l = storedLetter(row, agency.name);
    const body = fmt === 'pdf' ? await letterPdf(l) : await letterDocx(l);
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': fmt === 'pdf' ? 'application/pdf' : DOCX_TYPE,
    });
  });

  app.post('/api/requests/:id{[0-9]+}/:step', async (c) => {
    const step = REQUEST_STEPS[c.req.param('step')];
    if (!step) throw new NotFoundError('未知的办理步骤');
    const id = Number(c.req.param('id'));
    const out = (await step.fn(c.get('ctx'), id, await jsonBody(c))) as {
      request?: { status: string; dueOn: string | null; version: number };
    };
    return c.json({
      message: step.done,
      status: out.request?.status,
      dueOn: out.request?.dueOn,
      version: out.request?.version,
    });
  });

  app.post('/api/appeals', async (c) => {
    const id = await recordAppeal(c.get('ctx'), currentUser(c).agencyId, await jsonBody(c));
    return c.json({ id }, 201);
  });
  app.post('/api/appeals/:id{[0-9]+}', async (c) => {
    await updateAppeal(c.get('ctx'), Number(c.req.param('id')), await jsonBody(c));
    return c.json({ ok: true });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// OpenAPI

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Record<string, unknown>) => ({ 'application/json': { schema } });
const errors = {
  '400': { description: '输入有误', content: json(ref('Error')) },
  '401': { description: '未登录', content: json(ref('Error')) },
  '403': { description: '无权限或 CSRF 令牌无效', content: json(ref('Error')) },
  '404': { description: '不存在（或无权查看）', content: json(ref('Error')) },
  '409': { description: '状态不允许或版本冲突', content: json(ref('Error')) },
};
const idParam = { name: 'id', in: 'path' as const, required: true, schema: { type: 'integer' } };
const date = { type: 'string', format: 'date' };
const str = { type: 'string' };

const applicant = {
  applicantKind: {
    enum: [
      'natural_person',
      'commercial_enterprise',
      'research_institution',
      'social_welfare_org',
      'legal_service_org',
      'other_org',
    ],
  },
  applicantName: str,
  idType: { enum: ['resident_id', 'passport', 'hk_macau_taiwan', 'uscc', 'other'] },
  idNumber: { type: 'string', description: '居民身份证、统一社会信用代码按国家标准核对校验位' },
  phone: str,
  email: str,
  address: str,
  infoDescription: str,
  infoDocNo: str,
  formRequested: { enum: ['paper', 'electronic', 'inspection'] },
  deliveryRequested: { enum: ['post', 'collect', 'email', 'online'] },
  needsAssistance: { type: 'boolean' },
  assistanceNote: str,
};

const STEP_BODIES: Record<string, Record<string, unknown>> = {
  confirm: { confirmedOn: date, evidence: str },
  contact: { method: str, result: str },
  assign: { officeId: { type: 'integer' }, handlerId: { type: 'integer' } },
  note: { body: str },
  correction: { items: str, guidance: str, periodDays: { type: 'integer' }, overrideReason: str },
  corrected: { receivedOn: date },
  'no-correction': {},
  consult: {
    kind: { enum: ['third_party', 'co_agency'] },
    party: str,
    matter: str,
    sentOn: date,
    deliveredOn: date,
  },
  'consult-end': {
    consultationId: { type: 'integer' },
    answeredOn: date,
    answer: { enum: ['agree', 'object', 'none'] },
    note: str,
  },
  extend: { days: { type: 'integer', minimum: 1, maximum: 20 }, reason: str },
  'fee-waiver': { full: { type: 'boolean' }, amount: { type: 'integer' }, reason: str },
  'fee-notice': {
    method: { enum: ['by_count', 'by_volume'] },
    pages: { type: 'integer' },
    noticeOn: date,
    reason: str,
  },
  'fee-paid': { paidOn: date, amount: { type: 'integer' }, receiptNo: str },
  'fee-unpaid': {},
  decision: {
    outcome: str,
    basis: str,
    reason: str,
    withheld: {
      type: 'array',
      items: { type: 'object', properties: { part: str, ground: str, reason: str } },
    },
    expectedVersion: { type: 'integer', description: '读取时的版本号；已被他人修改时返回 409 conflict' },
  },
  approve: { expectedVersion: { type: 'integer' } },
  return: { reason: str, expectedVersion: { type: 'integer' } },
  deliver: {
    method: { enum: ['in_person', 'post', 'email', 'online', 'fax'] },
    deliveredOn: date,
    proof: str,
    letterId: { type: 'integer' },
  },
  archive: {},
  withdraw: { reason: str },
};

const stepOps: Record<string, { post: OpenApiOperation }> = {};
for (const [slug, s] of Object.entries(REQUEST_STEPS)) {
  stepOps[`/api/requests/{id}/${slug}`] = {
    post: {
      summary: s.summary,
      tags: ['依申请公开'],
      parameters: [idParam],
      requestBody: { required: true, content: json({ type: 'object', properties: STEP_BODIES[slug] ?? {} }) },
      responses: {
        '200': { description: s.done, content: json(ref('StepResult')) },
        ...errors,
      },
    },
  };
}

addApiPaths(
  {
    '/api/requests': {
      get: {
        summary: '台账：分页查询申请',
        tags: ['依申请公开'],
        parameters: ['status', 'due', 'officeId', 'handlerId', 'outcome', 'year', 'q', 'page'].map(
          (name) => ({
            name,
            in: 'query' as const,
            schema: { type: 'string' },
          }),
        ),
        responses: {
          '200': { description: '一页申请（证件号码已遮蔽）', content: json({ type: 'object' }) },
          ...errors,
        },
      },
      post: {
        summary: '登记申请（当面、邮寄、传真、电子邮件、口头）',
        tags: ['依申请公开'],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            properties: {
              ...applicant,
              channel: { enum: ['in_person', 'registered_mail', 'ordinary_mail', 'fax', 'email', 'oral'] },
              submittedOn: date,
              confirmedOn: date,
              receiptEvidence: str,
            },
            required: [
              'applicantKind',
              'applicantName',
              'idType',
              'idNumber',
              'infoDescription',
              'channel',
              'submittedOn',
            ],
          }),
        },
        responses: { '201': { description: '已登记', content: json({ type: 'object' }) }, ...errors },
      },
    },
    '/api/requests/{id}': {
      get: {
        summary: '申请详情、可执行的步骤、期限计算过程、文书列表',
        tags: ['依申请公开'],
        parameters: [idParam],
        responses: { '200': { description: '申请', content: json({ type: 'object' }) }, ...errors },
      },
    },
    '/api/requests/{id}/letters/{letter}': {
      get: {
        summary: '下载文书（{letter} 为 文书编号.docx 或 文书编号.pdf）',
        tags: ['依申请公开'],
        parameters: [idParam, { name: 'letter', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'DOCX 或 PDF' }, ...errors },
      },
    },
    '/api/requests/report/{year}': {
      get: {
        summary: '年报表二、表三（单元格地址同年报格式）、信息处理费、正文数字',
        tags: ['依申请公开'],
        parameters: [{ name: 'year', in: 'path', required: true, schema: { type: 'integer' } }],
        responses: { '200': { description: '统计', content: json({ type: 'object' }) }, ...errors },
      },
    },
    '/api/appeals': {
      post: {
        summary: '登记行政复议、行政诉讼案件',
        tags: ['依申请公开'],
        requestBody: {
          required: true,
          content: json({
            type: 'object',
            properties: {
              requestId: { type: 'integer' },
              kind: { enum: ['review', 'litigation_direct', 'litigation_after_review'] },
              filedOn: date,
              body: str,
              caseNo: str,
              result: { enum: ['upheld', 'corrected', 'other_result', 'pending'] },
              concludedOn: date,
              note: str,
            },
          }),
        },
        responses: { '201': { description: '已登记', content: json({ type: 'object' }) }, ...errors },
      },
    },
    ...stepOps,
  },
  {
    StepResult: {
      type: 'object',
      properties: {
        message: str,
        status: str,
        dueOn: { type: ['string', 'null'] },
        version: { type: 'integer' },
      },
    },
  },
);
