/**
 * 说明理由 (条例第三十五条), pure:
 *
 * > 申请人申请公开政府信息的数量、频次明显超过合理范围，行政机关可以要求申请人说明理由。行政机关认为申请理由不合理的，
 * > 告知申请人不予处理；行政机关认为申请理由合理，但是无法在本条例第三十三条规定的期限内答复申请人的，可以确定延迟答复的
 * > 合理期限并告知申请人。
 *
 * So both （五）4 「无正当理由大量反复申请」 and a later reply date come only after the applicant was asked for reasons and
 * either answered or let the period pass.
 */
import { InvalidStateError, ValidationError } from '../errors.ts';

export interface ReasonRequestState {
  noticeOn: string;
  deliveredOn: string | null;
  periodEnd: string | null;
  answeredOn: string | null;
}

/** Whether the 说明理由 step is finished: answered, or its period (from delivery) ended. */
export function reasonsStepDone(r: ReasonRequestState, today: string): boolean {
  if (r.answeredOn) return true;
  return Boolean(r.deliveredOn && r.periodEnd && today > r.periodEnd);
}

/** Only one 说明理由 request per request (the step asks once, like 补正). */
export function checkReasonsRequest(earlier: readonly ReasonRequestState[]): void {
  if (earlier.length > 0)
    throw new InvalidStateError('已经要求申请人说明理由（条例第三十五条），不能重复要求');
}

/** （五）4 不予处理 requires the 说明理由 step, answered or lapsed (第三十五条). */
export function checkExcessiveNotProcessed(reqs: readonly ReasonRequestState[], today: string): void {
  if (reqs.length === 0)
    throw new InvalidStateError(
      '以“无正当理由大量反复申请”不予处理，须先要求申请人说明理由（条例第三十五条）；请先发出说明理由告知书',
    );
  if (!reqs.some((r) => reasonsStepDone(r, today)))
    throw new InvalidStateError(
      '申请人说明理由的期限尚未届满，也未收到理由，暂不能作出不予处理决定（条例第三十五条）',
    );
}

/** A later reply date (第三十五条): after the step, later than the statutory due date, with the reason. */
export function checkLaterReply(c: {
  reqs: readonly ReasonRequestState[];
  today: string;
  laterOn: string;
  currentDue: string | null;
}): void {
  if (!c.reqs.some((r) => reasonsStepDone(r, c.today)))
    throw new InvalidStateError(
      '确定延迟答复的合理期限，须先要求申请人说明理由并收到理由或理由期限届满（条例第三十五条）',
    );
  if (c.currentDue && c.laterOn <= c.currentDue)
    throw new ValidationError(`延迟答复的日期应晚于现在的答复期限（${c.currentDue}）`, {
      laterOn: '应晚于答复期限',
    });
  if (c.laterOn <= c.today) throw new ValidationError('延迟答复的日期应晚于今天', { laterOn: '应晚于今天' });
}
