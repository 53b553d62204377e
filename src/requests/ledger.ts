/**
 * The ledger (台账) of all requests: a filterable, paged list, and an XLSX export with one row per request and
 * every date. ID numbers are masked in both.
 */
import { z } from 'zod';
import type { SelectQueryBuilder } from 'kysely';
import type { Ctx } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { assertCan, parseInput } from '../errors.ts';
import { toNumber } from '../db/values.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { writeXlsx } from '../documents/xlsx.ts';
import { LABELS } from '../annual-report/index.ts';
import { beijingDateTime } from '../beijing-time.ts';
import { recordEvent } from '../audit/record-event.ts';
import {
  APPLICANT_KIND_LABELS,
  CHANNEL_LABELS,
  OPEN_STATES,
  OUTCOMES,
  OUTCOME_LABELS,
  REQUEST_STATES,
  STATE_LABELS,
  type InfoRequest,
} from './request.ts';
import { requestPolicy } from './request.policy.ts';
import { requestScope, toRequest } from './requests.queries.ts';
import { maskIdNumber } from './id-numbers.ts';
import { dueSoonDays, getRequestSettings, type RequestSettings } from './settings.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';

const blank = (v: unknown) => (v === '' ? undefined : v);

export const LedgerFilter = z.object({
  status: z.preprocess(blank, z.enum(REQUEST_STATES).optional()),
  due: z.preprocess(blank, z.enum(['soon', 'overdue', 'open', 'later']).optional()),
  officeId: z.preprocess(blank, z.coerce.number().int().positive().optional()),
  handlerId: z.preprocess(blank, z.coerce.number().int().positive().optional()),
  outcome: z.preprocess(blank, z.enum(OUTCOMES).optional()),
  year: z.preprocess(blank, z.coerce.number().int().min(2000).max(2100).optional()),
  q: z.preprocess(blank, z.string().trim().max(100).optional()),
  /** 收到申请 / 办结 in this month (YYYY-MM): the dashboard's charts link here. */
  received: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
      .optional(),
  ),
  closed: z.preprocess(
    blank,
    z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
      .optional(),
  ),
  page: z.preprocess(blank, z.coerce.number().int().min(1).max(100000).default(1)),
});
export type LedgerFilter = z.infer<typeof LedgerFilter>;

export const LEDGER_PAGE_SIZE = 50;

/** A ledger row: what a list may show (the ID number masked). */
export type LedgerRow = Omit<InfoRequest, 'idNumber' | 'applicantKey' | 'trackingCode'> & {
  idNumberMasked: string;
};

function present(r: InfoRequest): LedgerRow {
  const { idNumber, applicantKey: _k, trackingCode: _t, ...rest } = r;
  return { ...rest, idNumberMasked: maskIdNumber(idNumber) };
}

async function authorize(ctx: Ctx, agencyId: number) {
  const scope = await requestScope(ctx.db, agencyId);
  assertCan(requestPolicy.view(ctx.actor, scope), { hide: true });
}

/** The last due date that counts as 即将到期 today: the agency's longest alert (its working-day calendar). */
export async function dueSoonHorizon(ctx: Ctx, agencyId: number): Promise<string> {
  const settings = await getRequestSettings(ctx.db, agencyId);
  const cal = await getCalendar(ctx.db, agencyId);
  return dueSoonHorizonOf(cal, ctx.clock.today(), settings);
}

/** Horizons already counted, per calendar (a calendar is immutable; a changed one is a new object) and day. */
const horizons = new WeakMap<WorkCalendar, Map<string, string>>();

/**
 * The same horizon from a calendar and settings already read (for many agencies at once), remembered per calendar,
 * day and number of working days: a county's dashboard asks it of 200 calendars on every view.
 */
export function dueSoonHorizonOf(
  cal: WorkCalendar,
  today: string,
  settings: Pick<RequestSettings, 'alertDays'>,
): string {
  const days = dueSoonDays(settings);
  let known = horizons.get(cal);
  if (!known) horizons.set(cal, (known = new Map()));
  const key = `${today}|${days}`;
  let h = known.get(key);
  if (h === undefined) {
    // A few days and alert lengths at a time: start afresh rather than keep every past day.
    if (known.size >= 32) known.clear();
    known.set(key, (h = cal.addWorkdays(today, days)));
  }
  return h;
}

async function filtered(ctx: Ctx, agencyId: number, f: LedgerFilter) {
  let q = ctx.db.selectFrom('info_requests').where('agency_id', '=', agencyId) as SelectQueryBuilder<
    DB,
    'info_requests',
    object
  >;
  if (f.status) q = q.where('status', '=', f.status);
  if (f.officeId) q = q.where('office_id', '=', f.officeId);
  if (f.handlerId) q = q.where('handler_id', '=', f.handlerId);
  if (f.outcome) q = q.where('outcome', '=', f.outcome);
  if (f.year) {
    const year = f.year;
    // The year's requests: received in it, or carried over into it, or registered in it and not yet received.
    const first = `${year}-01-01`;
    const last = `${year}-12-31`;
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('received_on', '>=', first), eb('received_on', '<=', last)]),
        eb.and([
          eb('received_on', '<', first),
          eb.or([eb('closed_on', 'is', null), eb('closed_on', '>=', first)]),
        ]),
        eb.and([eb('received_on', 'is', null), eb('ref_year', '=', year)]),
      ]),
    );
  }
  if (f.received)
    q = q.where('received_on', '>=', `${f.received}-01`).where('received_on', '<=', `${f.received}-31`);
  if (f.closed) q = q.where('closed_on', '>=', `${f.closed}-01`).where('closed_on', '<=', `${f.closed}-31`);
  if (f.q)
    q = q.where((eb) =>
      eb.or([eb('reference', 'like', `%${f.q}%`), eb('info_description', 'like', `%${f.q}%`)]),
    );
  if (f.due) {
    const today = ctx.clock.today();
    q = q.where('status', 'in', [...OPEN_STATES]);
    if (f.due === 'overdue') q = q.where('due_on', '<', today);
    if (f.due === 'soon' || f.due === 'later') {
      const horizon = await dueSoonHorizon(ctx, agencyId);
      q =
        f.due === 'soon'
          ? q.where('due_on', '>=', today).where('due_on', '<=', horizon)
          : q.where('due_on', '>', horizon);
    }
  }
  return q;
}

/** One page of the ledger, newest first, with the total count. */
export async function listLedger(
  ctx: Ctx,
  agencyId: number,
  raw: unknown,
): Promise<{ rows: LedgerRow[]; total: number; page: number; pageSize: number; filter: LedgerFilter }> {
  await authorize(ctx, agencyId);
  const f = parseInput(LedgerFilter, raw);
  const q = await filtered(ctx, agencyId, f);
  const [rows, count] = await Promise.all([
    q
      .selectAll()
      .orderBy('id', 'desc')
      .limit(LEDGER_PAGE_SIZE)
      .offset((f.page - 1) * LEDGER_PAGE_SIZE)
      .execute(),
    q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    rows: rows.map((r) => present(toRequest(r))),
    total: toNumber(count.n),
    page: f.page,
    pageSize: LEDGER_PAGE_SIZE,
    filter: f,
  };
}

const COLUMNS: { header: string; key: string; width?: number }[] = [
  { header: '登记编号', key: 'reference', width: 24 },
  { header: '状态', key: 'status', width: 10 },
  { header: '申请渠道', key: 'channel', width: 14 },
  { header: '申请人类型', key: 'applicantKind', width: 12 },
  { header: '申请人', key: 'applicantName', width: 16 },
  { header: '证件号码', key: 'idNumberMasked', width: 22 },
  { header: '申请内容', key: 'infoDescription', width: 40 },
  { header: '承办站办所', key: 'officeName', width: 14 },
  { header: '承办人', key: 'handlerName', width: 10 },
  { header: '提交日期', key: 'submittedOn', width: 12 },
  { header: '收到申请日期', key: 'receivedOn', width: 12 },
  { header: '补正告知期限', key: 'correctionNoticeDueOn', width: 12 },
  { header: '原答复期限', key: 'originalDueOn', width: 12 },
  { header: '延长天数', key: 'extensionDays', width: 8 },
  { header: '答复期限', key: 'dueOn', width: 12 },
  { header: '期限暂定', key: 'dueProvisional', width: 8 },
  { header: '收到收费通知日期', key: 'feeNoticeOn', width: 12 },
  { header: '缴费期限', key: 'feeDueOn', width: 12 },
  { header: '缴费日期', key: 'feePaidOn', width: 12 },
  { header: '收费金额（元）', key: 'feeAmount', width: 10 },
  { header: '办理结果', key: 'outcome', width: 30 },
  { header: '年报统计行', key: 'reportRow', width: 30 },
  { header: '答复（办结）日期', key: 'closedOn', width: 12 },
  { header: '送达日期', key: 'deliveredOn', width: 12 },
  { header: '归档时间', key: 'archivedAt', width: 20 },
];

/** The whole filtered ledger as XLSX (one row per request, every date), audited as an export. */
export async function exportLedger(ctx: Ctx, agencyId: number, raw: unknown): Promise<Buffer> {
  await authorize(ctx, agencyId);
  const f = parseInput(LedgerFilter, raw);
  const q = await filtered(ctx, agencyId, f);
  const [records, people, offices] = await Promise.all([
    q.selectAll().orderBy('id').execute(),
    ctx.db.selectFrom('users').select(['id', 'display_name']).where('agency_id', '=', agencyId).execute(),
    ctx.db.selectFrom('offices').select(['id', 'name']).where('agency_id', '=', agencyId).execute(),
  ]);
  const personName = new Map(people.map((u) => [u.id, u.display_name]));
  const officeName = new Map(offices.map((o) => [o.id, o.name]));
  const rows = records.map((r) => {
    const x = present(toRequest(r));
    return {
      ...x,
      officeName: x.officeId ? (officeName.get(x.officeId) ?? '') : '',
      handlerName: x.handlerId ? (personName.get(x.handlerId) ?? '') : '',
      // The annual report's statistics row, by its official name (never the cell address).
      reportRow: x.reportRow ? (LABELS.bRow[x.reportRow] ?? '') : '',
      archivedAt: beijingDateTime(x.archivedAt),
      status: STATE_LABELS[x.status],
      channel: CHANNEL_LABELS[x.channel],
      applicantKind: APPLICANT_KIND_LABELS[x.applicantKind],
      dueProvisional: x.dueProvisional ? '暂定' : '',
      outcome: x.outcome ? OUTCOME_LABELS[x.outcome] : '',
    };
  });
  const buf = await writeXlsx([
    // Printed on A4 landscape, fitted to the page width, with the header row repeated on every page.
    { name: '依申请公开台账', columns: COLUMNS, rows, print: { landscape: true, title: '依申请公开台账' } },
  ]);
  await recordEvent(ctx.db, ctx, {
    action: 'audit.exported',
    objectType: 'request_ledger',
    objectId: agencyId,
    agencyId,
    after: { filter: f, rows: rows.length },
    note: '导出依申请公开台账',
  });
  return buf;
}
