/**
 * Third parties (条例第十五条、第三十二条), pure:
 *
 * > 第十五条 涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的政府信息，行政机关不得公开。但是，第三方同意公开或者
 * > 行政机关认为不公开会对公共利益造成重大影响的，予以公开。
 * > 第三十二条 …… 行政机关认为不公开可能对公共利益造成重大影响的，可以决定予以公开，并将决定公开的政府信息内容和理由书面
 * > 告知第三方。
 *
 * - consent: when every consulted third party agreed, withholding on 第十五条 grounds is refused (第十五条 但书);
 * - objection and disclosure anyway: a 决定公开告知书 (content and reasons) goes to each objecting third party, and the
 *   information is provided only after a waiting period counted from its delivery, so that the third party can seek
 *   relief (the length is an agency setting — interpretation).
 */
import { InvalidStateError } from '../errors.ts';
import type { WorkCalendar } from '../calendar/calendar.ts';
import { addDays } from '../calendar/dates.ts';
import type { Outcome } from './request.ts';

export interface ThirdPartyConsultation {
  id: number;
  kind: 'third_party' | 'co_agency';
  party: string;
  answer: 'agree' | 'object' | 'none' | null;
  decisionNoticeOn: string | null;
  decisionNoticeDeliveredOn: string | null;
}

const DISCLOSING: readonly Outcome[] = ['disclosed', 'partially_disclosed'];

/** Refuse withholding on third-party grounds when the third parties consented (第十五条). */
export function checkConsentRespected(
  outcome: Outcome,
  withheldGrounds: readonly string[],
  consultations: readonly ThirdPartyConsultation[],
): void {
  const tp = consultations.filter((c) => c.kind === 'third_party');
  const allAgreed = tp.length > 0 && tp.every((c) => c.answer === 'agree');
  const onThirdParty = outcome === 'withheld_third_party' || withheldGrounds.includes('withheld_third_party');
  if (allAgreed && onThirdParty)
    throw new InvalidStateError(
      `第三方（${tp.map((c) => c.party).join('、')}）已书面同意公开，不能再以保护第三方合法权益为由不予公开（条例第十五条）`,
    );
}

/** The objecting third parties that must receive a 决定公开告知书 before the information is disclosed (第三十二条). */
export function noticesRequired(
  outcome: Outcome,
  consultations: readonly ThirdPartyConsultation[],
): ThirdPartyConsultation[] {
  if (!DISCLOSING.includes(outcome)) return [];
  return consultations.filter((c) => c.kind === 'third_party' && c.answer === 'object');
}

/** Refuse approving a disclosure over an objection before the 决定公开告知书 went out (第三十二条). */
export function checkDisclosureNotices(
  outcome: Outcome,
  consultations: readonly ThirdPartyConsultation[],
): void {
  const missing = noticesRequired(outcome, consultations).filter((c) => !c.decisionNoticeOn);
  if (missing.length)
    throw new InvalidStateError(
      `第三方（${missing.map((c) => c.party).join('、')}）不同意公开，本机关决定公开的，须先将决定公开的内容和理由书面告知第三方（条例第三十二条）：请先发出决定公开告知书`,
    );
}

/**
 * The first day the information may be provided: the day after the waiting period of `days` working days counted
 * from the latest delivery of a 决定公开告知书; null while a delivery is not recorded yet; undefined when none is needed.
 */
export function disclosureNotBefore(
  cal: WorkCalendar,
  outcome: Outcome,
  consultations: readonly ThirdPartyConsultation[],
  days: number,
): string | null | undefined {
  const need = noticesRequired(outcome, consultations);
  if (!need.length) return undefined;
  if (need.some((c) => !c.decisionNoticeDeliveredOn)) return null;
  const latest = need.map((c) => c.decisionNoticeDeliveredOn!).sort()[need.length - 1]!;
  return addDays(cal.addWorkdays(latest, days), 1);
}

/** Refuse providing the information before the third party's waiting period ended (第三十二条). */
export function checkDisclosureWait(notBefore: string | null | undefined, today: string): void {
  if (notBefore === undefined) return;
  if (notBefore === null)
    throw new InvalidStateError(
      '第三方收到决定公开告知书的日期尚未登记，等待期尚未开始，暂不能提供信息（条例第三十二条）',
    );
  if (today < notBefore)
    throw new InvalidStateError(
      `第三方收到决定公开告知书后的等待期尚未届满，${notBefore}起方可提供信息（条例第三十二条，留出第三方寻求救济的时间）`,
    );
}
