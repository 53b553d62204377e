/** The steps on a request, by URL slug — shared by the back-office forms and the JSON API. */
import type { Ctx } from '../context.ts';
import { confirmRequest } from '../requests/confirm-request.ts';
import { recordContactAttempt } from '../requests/record-contact-attempt.ts';
import { assignRequest } from '../requests/assign-request.ts';
import { addRequestNote } from '../requests/add-request-note.ts';
import { requestCorrection } from '../requests/request-correction.ts';
import { receiveCorrection } from '../requests/receive-correction.ts';
import { abandonNoCorrection } from '../requests/abandon-no-correction.ts';
import { startConsultation } from '../requests/start-consultation.ts';
import { endConsultation } from '../requests/end-consultation.ts';
import { extendDeadline } from '../requests/extend-deadline.ts';
import { waiveFee } from '../requests/waive-fee.ts';
import { declineExtension, requestExtension } from '../requests/request-extension.ts';
import { reassignRequest } from '../requests/reassign-request.ts';
import { issueFeeNotice } from '../requests/issue-fee-notice.ts';
import { recordFeePayment } from '../requests/record-fee-payment.ts';
import { closeUnpaidFee } from '../requests/close-unpaid-fee.ts';
import { submitDecision } from '../requests/submit-decision.ts';
import { approveDecision } from '../requests/approve-decision.ts';
import { returnDecision } from '../requests/return-decision.ts';
import { recordDelivery } from '../requests/record-delivery.ts';
import { archiveRequest } from '../requests/archive-request.ts';
import { withdrawRequest } from '../requests/withdraw-request.ts';
import { recordNoticeDelivery } from '../requests/record-notice-delivery.ts';
import {
  issueDisclosureNotice,
  recordDisclosureNoticeDelivery,
} from '../requests/issue-disclosure-notice.ts';
import { receiveReasons, requestReasons, setLaterReply } from '../requests/request-reasons.ts';

export type StepFn = (ctx: Ctx, id: number, raw: unknown) => Promise<unknown>;

export interface RequestStep {
  fn: StepFn;
  done: string;
  summary: string;
}

const STEPS = {
  confirm: { fn: confirmRequest, done: '已确认收到申请，回执已出具', summary: '确认收到（条例第三十一条）' },
  contact: { fn: recordContactAttempt, done: '已登记联系情况', summary: '登记联系申请人的情况' },
  assign: { fn: assignRequest, done: '已分办', summary: '分办：站办所与承办人' },
  note: { fn: addRequestNote, done: '已添加办理记录', summary: '添加办理记录' },
  correction: { fn: requestCorrection, done: '补正告知书已出具', summary: '告知补正（条例第三十条）' },
  corrected: { fn: receiveCorrection, done: '已登记收到补正，答复期限重新计算', summary: '收到补正' },
  'no-correction': {
    fn: (ctx, id) => abandonNoCorrection(ctx, id),
    done: '已按逾期未补正视为放弃处理',
    summary: '逾期未补正，视为放弃',
  },
  consult: {
    fn: startConsultation,
    done: '征求意见书已出具，期间不计入答复期限',
    summary: '征求第三方或其他机关意见',
  },
  'consult-end': { fn: endConsultation, done: '已登记意见', summary: '登记意见或征求期满' },
  extend: {
    fn: extendDeadline,
    done: '已批准延期，延期答复告知书已出具',
    summary: '批准延期答复（条例第三十三条）',
  },
  'extension-request': {
    fn: requestExtension,
    done: '已申请延期，等待政务公开工作机构负责人批准',
    summary: '申请延期答复（报负责人批准）',
  },
  'extension-decline': { fn: declineExtension, done: '已不同意延期，已告知申请人', summary: '不同意延期' },
  reassign: { fn: reassignRequest, done: '已指派，被指派人已收到提醒', summary: '指派待办（管理员）' },
  'fee-waiver': { fn: waiveFee, done: '已记录减免决定', summary: '减免信息处理费' },
  'fee-notice': { fn: issueFeeNotice, done: '收费通知书已出具', summary: '发出收费通知' },
  'fee-paid': { fn: recordFeePayment, done: '已登记缴费', summary: '登记缴费' },
  'fee-unpaid': {
    fn: (ctx, id) => closeUnpaidFee(ctx, id),
    done: '已按逾期未缴费视为放弃处理',
    summary: '逾期未缴费，视为放弃',
  },
  decision: { fn: submitDecision, done: '答复已提交审批', summary: '拟写答复并提交审批' },
  approve: { fn: approveDecision, done: '已审批，答复书已出具', summary: '审批通过并出具答复' },
  return: { fn: returnDecision, done: '已退回', summary: '退回答复草稿' },
  deliver: { fn: recordDelivery, done: '已登记送达', summary: '登记送达' },
  archive: { fn: (ctx, id) => archiveRequest(ctx, id), done: '已归档', summary: '归档' },
  withdraw: { fn: withdrawRequest, done: '已登记撤回', summary: '申请人撤回' },
  'notice-delivered': {
    fn: recordNoticeDelivery,
    done: '已登记申请人签收，期限自签收之日起计算',
    summary: '登记申请人签收告知书（邮寄）',
  },
  'disclosure-notice': {
    fn: issueDisclosureNotice,
    done: '决定公开告知书已出具',
    summary: '向不同意公开的第三方发出决定公开告知书（条例第三十二条）',
  },
  'disclosure-notice-delivered': {
    fn: recordDisclosureNoticeDelivery,
    done: '已登记第三方收到决定公开告知书，等待期开始计算',
    summary: '登记第三方收到决定公开告知书',
  },
  reasons: {
    fn: requestReasons,
    done: '说明理由告知书已出具',
    summary: '要求申请人说明理由（条例第三十五条）',
  },
  'reasons-received': { fn: receiveReasons, done: '已登记申请人说明的理由', summary: '登记申请人说明的理由' },
  'later-reply': {
    fn: setLaterReply,
    done: '已确定延迟答复期限，延迟答复告知书已出具',
    summary: '确定延迟答复的合理期限（条例第三十五条）',
  },
} satisfies Record<string, RequestStep>;

/** A step's URL slug: what a back-office form posts to (`/office/requests/:id/:step`). */
export type StepSlug = keyof typeof STEPS;

export const REQUEST_STEPS: Readonly<Record<string, RequestStep>> = STEPS;
