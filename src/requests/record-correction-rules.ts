/**
 * 更正 (条例第四十一条), pure:
 *
 * > 公民、法人或者其他组织有证据证明行政机关提供的与其自身相关的政府信息记录不准确的，可以要求行政机关更正。有权更正的
 * > 行政机关审核属实的，应当予以更正并告知申请人；不属于本行政机关职能范围的，行政机关可以转送有权更正的行政机关处理，
 * > 并告知申请人，或者告知申请人向有权更正的行政机关提出。
 *
 * Decisions: corrected by this agency; referred to (or the applicant told to apply to) the agency with the power to
 * correct; not corrected because the evidence does not show the record is wrong. The 条例 sets no period: the agency
 * setting `recordCorrectionDays` (default 20 working days, as 第三十三条 — interpretation). Every decision tells the
 * applicant, with relief (it is an administrative act: 复议 or 诉讼, not 复议前置 — it is not 「不予公开」).
 */
import { ValidationError } from '../errors.ts';

export const CORRECTION_DECISIONS = ['corrected', 'referred', 'told_to_apply', 'not_corrected'] as const;
export type CorrectionDecision = (typeof CORRECTION_DECISIONS)[number];

export const CORRECTION_DECISION_LABELS: Record<CorrectionDecision, string> = {
  corrected: '审核属实，予以更正',
  referred: '不属于本机关职能范围，转送有权更正的机关处理',
  told_to_apply: '不属于本机关职能范围，告知向有权更正的机关提出',
  not_corrected: '经审核，证据不能证明记录不准确，不予更正',
};

/** The decision sentence of the letter (条例第四十一条). */
export function correctionDecisionText(
  d: CorrectionDecision,
  referredTo: string | null,
  reason: string,
): string {
  const why = reason.trim().replace(/[。；，\s]+$/u, '');
  switch (d) {
    case 'corrected':
      return `经审核，您提出的更正要求属实。根据《中华人民共和国政府信息公开条例》第四十一条的规定，本机关已予以更正：${why}。`;
    case 'referred':
      return `经审核，该政府信息记录的更正不属于本机关职能范围。根据《中华人民共和国政府信息公开条例》第四十一条的规定，本机关已将您的更正申请转送${referredTo}处理。${why}。`;
    case 'told_to_apply':
      return `经审核，该政府信息记录的更正不属于本机关职能范围。根据《中华人民共和国政府信息公开条例》第四十一条的规定，请您向${referredTo}提出。${why}。`;
    case 'not_corrected':
      return `经审核，您提供的证据不能证明该政府信息记录不准确，本机关不予更正。理由：${why}。`;
  }
}

/** A referral names the agency with the power to correct; the record concerned and the evidence are required. */
export function checkCorrectionDecision(d: CorrectionDecision, referredTo: string | null | undefined): void {
  if ((d === 'referred' || d === 'told_to_apply') && !referredTo?.trim())
    throw new ValidationError('转送或告知向其他机关提出的，须写明有权更正的机关（条例第四十一条）', {
      referredTo: '请填写有权更正的机关',
    });
}
