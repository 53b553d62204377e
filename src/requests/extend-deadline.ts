/**
 * 延期答复 (条例第三十三条第二款): once, at most 20 working days, approved by the head of the agency's disclosure
 * office before the original deadline expires; the 延期答复告知书 goes to the applicant at the same time. The head
 * approves a clerk's request (request-extension.ts) here, or extends on his own motion; the requested days and
 * reason (kept on the request) are what the form offers.
 */
import type { Ctx } from '../context.ts';
import { InvalidStateError, parseInput } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { ExtensionInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { dateOrPeriod } from './letters.ts';
import { computeDeadline, type DeadlineResult } from './deadline.ts';
import type { InfoRequest } from './request.ts';
import { deadlineInputOf } from './request-clock.ts';

/** An extension is possible once, after receipt, before the original deadline (asked for or approved). */
export function assertExtendable(
  request: Pick<InfoRequest, 'extensionDays'>,
  clock: DeadlineResult | null,
  today: string,
): asserts clock is DeadlineResult {
  if (request.extensionDays != null)
    throw new InvalidStateError('答复期限只能延长一次（条例第三十三条第二款），本申请已经延期');
  if (!clock) throw new InvalidStateError('申请尚未确认收到，不能延期');
  if (today > clock.originalDue)
    throw new InvalidStateError(
      `原答复期限（${clock.originalDue}）已过，不能再延期；延期须在原期限届满前经批准并告知申请人`,
    );
}

export async function extendDeadline(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(ExtensionInput, raw);
  return requestStep(ctx, id, {
    policy: 'extend',
    action: 'extend',
    audit: 'request.extended',
    async run({ trx, request, today, clock, cal, settings }) {
      assertExtendable(request, clock, today);
      const di = (await deadlineInputOf(trx, request, settings.feePausesReplyClock))!;
      const extended = computeDeadline(cal, { ...di, extensionDays: input.days });
      return {
        patch: {
          extension_days: input.days,
          extension_reason: input.reason,
          extension_approved_by: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          extension_approved_by_name: ctx.actor.kind === 'user' ? ctx.actor.name : '系统',
          extension_approved_at: nowIso(ctx.clock.now()),
          // A clerk's pending request is answered by this approval.
          extension_requested_at: null,
        },
        letters: [
          {
            kind: 'extension_notice',
            vars: {
              延期理由: input.reason,
              延长天数: String(input.days),
              新答复期限: dateOrPeriod(
                extended.due,
                extended.provisional,
                `原答复期限届满后${input.days}个工作日内`,
              ),
            },
          },
        ],
        audit: { after: { days: input.days, newDue: extended.due }, note: input.reason },
      };
    },
  });
}
