/**
 * The frame every use case on an existing request runs in (resolve → authorize → guard the state → one
 * transaction with the change, the recomputed clock, its letters and its audit row). Each use case file
 * supplies only what its step changes.
 */
import type { Ctx } from '../context.ts';
import type { Trx } from '../db/database.ts';
import { assertCan, InvalidStateError } from '../errors.ts';
import { lastChangeOf, staleConflict, unlessRaceLost } from '../audit/last-change.ts';
import { beijingDateTime } from '../beijing-time.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertReportYearOpen } from '../period-lock/assert-period-open.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import type { Agency } from '../org/org.ts';
import { canTransition, nextState, STATE_LABELS, type InfoRequest, type RequestAction } from './request.ts';
import { requestPolicy, type RequestPolicyAction, type RequestScope } from './request.policy.ts';
import { getRequest, requestScope, updateRequest, type InfoRequestRow } from './requests.queries.ts';
import { getRequestSettings, type RequestSettings } from './settings.ts';
import { computeRequestClock } from './request-clock.ts';
import { issueLetter, type IssueLetterInput } from './issue-letter.ts';
import { REQUEST_AUDIT_LABELS, type RequestAuditAction } from './request-audit.ts';
import type { DeadlineResult } from './deadline.ts';
import { orgSnapshot, type ActingPersons } from '../org/acting-persons.ts';
import { approversOf, extensionApproversOf, waitingOfRequest } from './waiting.ts';
import { notifyHandover } from '../notifications/handover.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import { syncRequestSummary } from './request-summary.ts';

export interface StepEnv {
  trx: Trx;
  ctx: Ctx;
  request: InfoRequest;
  scope: RequestScope;
  agency: Agency;
  settings: RequestSettings;
  today: string;
  cal: WorkCalendar;
  /** The calendar's current reading of the request's clock (before this step). */
  clock: DeadlineResult | null;
}

export interface StepOutcome<T> {
  patch?: Partial<Omit<InfoRequestRow, 'id' | 'version' | 'created_at'>>;
  /** Letters to issue once the change and the new clock are written. */
  letters?: IssueLetterInput[];
  audit?: { note?: string; after?: unknown };
  result?: T;
}

export interface StepOptions<T> {
  policy: RequestPolicyAction;
  /** The transition, when the step changes the state (guarded by the table in request.ts). */
  action?: RequestAction;
  /** The version the user saw (forms and the API send it back): a mismatch is a conflict. */
  expectedVersion?: number;
  audit: RequestAuditAction;
  run(env: StepEnv): Promise<StepOutcome<T>>;
}

/** Load a request the actor may see (outsiders get "not found") and its policy scope. */
export async function resolveRequest(ctx: Ctx, id: number) {
  const request = await getRequest(ctx.db, id);
  const base = await requestScope(ctx.db, request.agencyId, request.handlerId);
  assertCan(requestPolicy.view(ctx.actor, base), { hide: true });
  const org = await orgSnapshot(ctx.db, request.agencyId);
  const taking = (p: ActingPersons) => (p.via === 'admin' ? [] : p.userIds);
  const scope = {
    ...base,
    approverIds: taking(approversOf(org, request.id)),
    extensionApproverIds: taking(extensionApproversOf(org, request.id)),
  };
  return { request, scope, agency: scope.agency };
}

/**
 * A step the request's state no longer allows — most often a form opened before someone else acted (issue 10: a
 * stale form says who did what): the state's refusal, with the newest change of the request, who and when.
 */
async function refusedStep(
  ctx: Ctx,
  request: InfoRequest,
  action: RequestAction,
): Promise<InvalidStateError> {
  let reason: string;
  try {
    nextState(request.status, action);
    reason = '';
  } catch (e) {
    if (!(e instanceof InvalidStateError)) throw e;
    reason = e.message;
  }
  const last = await lastChangeOf(ctx.db, 'info_request', request.id);
  const label = last ? REQUEST_AUDIT_LABELS[last.action as RequestAuditAction] : undefined;
  const who =
    last && label ? `：${last.actorName ?? '系统'}已于${beijingDateTime(last.occurredAt)}“${label}”` : '';
  return new InvalidStateError(`${reason}${who}。请刷新页面查看最新情况。`);
}

/** Run one step on a request; returns the request as it is afterwards. */
export async function requestStep<T = undefined>(
  ctx: Ctx,
  id: number,
  opts: StepOptions<T>,
): Promise<{ request: InfoRequest; result: T | undefined; letterIds: number[] }> {
  const { request, scope, agency } = await resolveRequest(ctx, id);
  assertCan(requestPolicy[opts.policy](ctx.actor, scope), {
    message: '您没有办理此项操作的权限',
  });
  // A form built from an older version: refused, saying who acted first and the request's state now.
  if (opts.expectedVersion != null && opts.expectedVersion !== request.version)
    throw await staleRequest(ctx, request);
  if (opts.action && !canTransition(request.status, opts.action))
    throw await refusedStep(ctx, request, opts.action);
  const next = opts.action
    ? nextState(request.status, opts.action, { extended: request.extensionDays != null })
    : request.status;
  const settings = await getRequestSettings(ctx.db, request.agencyId);
  const cal = await getCalendar(ctx.db, request.agencyId);
  const before = await computeRequestClock(ctx.db, cal, request, settings.feePausesReplyClock);
  const waitingBefore = await waitingOfRequest(ctx.db, request);
  // Two saves of the same step at once: the loser is told who won, as a stale form is.
  const lost = async () => {
    const now = await getRequest(ctx.db, id);
    return now.version === request.version ? null : staleRequest(ctx, now);
  };
  return unlessRaceLost(
    () =>
      ctx.db.transaction().execute(async (trx) => {
        const env: StepEnv = {
          trx,
          ctx,
          request,
          scope,
          agency,
          settings,
          today: ctx.clock.today(),
          clock: before.result,
          cal,
        };
        const out = await opts.run(env);
        const patch = { ...(out.patch ?? {}) };
        // Period lock: a finalised annual report's year cannot gain or lose a receipt, a closing or a fee. Only a date
        // the step changes is an event of that year: handling a request still open (a step that writes its existing
        // receipt date again) is never stopped by the lock.
        const current: Record<string, string | null | undefined> = {
          received_on: request.receivedOn,
          closed_on: request.closedOn,
          fee_notice_on: request.feeNoticeOn,
          fee_paid_on: request.feePaidOn,
        };
        for (const k of ['received_on', 'closed_on', 'fee_notice_on', 'fee_paid_on'] as const) {
          const d = patch[k];
          if (d && d !== current[k]) await assertReportYearOpen(trx, request.agencyId, d);
        }
        if (opts.action && patch.status === undefined) patch.status = next;
        await updateRequest(trx, id, request.version, patch, ctx.clock.now());
        let after = await getRequest(trx, id);
        const clock = await computeRequestClock(trx, cal, after, settings.feePausesReplyClock);
        await trx.updateTable('info_requests').set(clock.columns).where('id', '=', id).execute();
        after = await getRequest(trx, id);
        // The per-month summary the dashboards read changes with the request, in this transaction.
        await syncRequestSummary(trx, ctx.clock.now(), cal, request, after);
        const letterIds: number[] = [];
        for (const l of out.letters ?? [])
          letterIds.push(await issueLetter(trx, ctx, after, agency, settings, l));
        await recordEvent(trx, ctx, {
          action: opts.audit,
          objectType: 'info_request',
          objectId: id,
          agencyId: request.agencyId,
          before: { status: request.status, dueOn: request.dueOn },
          after: { status: after.status, dueOn: after.dueOn, ...((out.audit?.after as object) ?? {}) },
          note: out.audit?.note ?? null,
        });
        // The handover: whoever the request now waits on is told, in the same transaction.
        await notifyHandover(
          trx,
          ctx.clock.now(),
          ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          waitingBefore,
          await waitingOfRequest(trx, after),
        );
        return { request: after, result: out.result, letterIds };
      }),
    lost,
  );
}

/** The refusal of a step on a request that changed since it was read: who acted, when, and its state now. */
function staleRequest(ctx: Ctx, now: InfoRequest) {
  return staleConflict(
    ctx.db,
    { objectType: 'info_request', objectId: now.id, what: '该申请', state: STATE_LABELS[now.status] },
    REQUEST_AUDIT_LABELS,
  );
}
