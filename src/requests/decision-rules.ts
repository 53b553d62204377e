/**
 * Content a reply must have (pure), so that it stands in a 复议:
 *
 * - 第三十六条第（三）项: 「行政机关依据本条例的规定决定不予公开的，告知申请人不予公开并说明理由」 — a 不予公开 reply cites
 *   that item as well as the substantive article (第十四条、第十五条、第十六条);
 * - 第三十六条第（五）项: 「……告知申请人并说明理由；能够确定负责公开该政府信息的行政机关的，告知申请人该行政机关的名称、联系方式」;
 * - 第三十六条第（六）项: a 重复申请 reply refers to the earlier reply;
 * - 第三十一条: a request by ordinary mail is confirmed on arrival; a later confirmation needs the reason (a warning is
 *   shown: the receipt day moves with it).
 */
import { ValidationError } from '../errors.ts';
import { isWithheld, type Channel, type Outcome } from './request.ts';

const SUBSTANTIVE: Partial<Record<Outcome, RegExp>> = {
  withheld_state_secret: /第十四条/,
  withheld_prohibited_by_law: /第十四条/,
  withheld_security_stability: /第十四条/,
  withheld_third_party: /第十五条/,
  withheld_internal_affairs: /第十六条/,
  withheld_process_info: /第十六条/,
  withheld_enforcement_file: /第十六条/,
};

export interface DecisionContent {
  outcome: Outcome;
  basis: string;
  responsibleAgency?: string | null;
  responsibleContact?: string | null;
  earlierReplyRef?: string | null;
}

/** Refuse a reply missing what its outcome requires; the message names the article. */
export function checkDecisionContent(d: DecisionContent): void {
  if (isWithheld(d.outcome)) {
    if (!/第三十六条第（三）项/.test(d.basis))
      throw new ValidationError('不予公开的答复应当引用条例第三十六条第（三）项（告知不予公开并说明理由）', {
        basis: '请写明“第三十六条第（三）项”',
      });
    const art = SUBSTANTIVE[d.outcome];
    if (art && !art.test(d.basis))
      throw new ValidationError(`不予公开的答复还应当引用不予公开的实体依据（${art.source}）`, {
        basis: `请写明${art.source}`,
      });
  }
  if (d.outcome === 'not_this_agency' && (!d.responsibleAgency?.trim() || !d.responsibleContact?.trim()))
    throw new ValidationError(
      '非本机关负责公开的，能够确定负责公开的机关时，应当告知该机关的名称和联系方式（条例第三十六条第（五）项）',
      { responsibleAgency: '请填写负责公开的机关', responsibleContact: '请填写其联系方式' },
    );
  if (d.outcome === 'repeated' && !d.earlierReplyRef?.trim())
    throw new ValidationError(
      '重复申请的答复应当写明此前已作出的答复（文号和日期）（条例第三十六条第（六）项）',
      {
        earlierReplyRef: '请填写此前答复的文号和日期',
      },
    );
}

/** How the arrival is worded per channel (the confirmation-free channels are not listed). */
const ARRIVAL: Partial<Record<Channel, { what: string; confirm: string; clause: string }>> = {
  ordinary_mail: {
    what: '平信',
    confirm: '才与申请人确认',
    clause: '第三十一条第（二）项要求收到平常信函当日确认',
  },
  online: {
    what: '网上申请',
    confirm: '才与申请人确认',
    clause: '第三十一条第（三）项以双方确认之日为收到申请之日',
  },
  email: {
    what: '电子邮件',
    confirm: '才与申请人确认',
    clause: '第三十一条第（三）项以双方确认之日为收到申请之日',
  },
  fax: {
    what: '传真',
    confirm: '才与申请人确认',
    clause: '第三十一条第（三）项以双方确认之日为收到申请之日',
  },
};

/**
 * 第三十一条: every channel whose receipt day is a day of confirmation with the applicant (平信, 网上, 电子邮件,
 * 传真) should be confirmed on arrival; a later confirmation moves the receipt day and so the reply deadline. It needs a
 * reason; returns the warning to show (or null). In person and oral requests are received on submission; a
 * registered letter on the day it is signed for (the date entered is the posting day, so a later signing is normal).
 */
export function checkLateConfirmation(c: {
  channel: Channel;
  arrivedOn: string;
  confirmedOn: string;
  reason?: string | null;
}): string | null {
  const a = ARRIVAL[c.channel];
  if (!a || c.confirmedOn <= c.arrivedOn) return null;
  const warning = `${a.what}于${c.arrivedOn}到达，${c.confirmedOn}${a.confirm}：收到申请的日期随之推后，答复期限也随之推后（条例${a.clause}，应当收到即确认）`;
  if (!c.reason?.trim())
    throw new ValidationError(`${warning}。请填写未能当日确认的原因`, {
      lateReason: '请填写未能当日确认的原因',
    });
  return warning;
}

/** The warning again, for the request page (same wording as at confirmation). */
export function lateConfirmationNote(channel: Channel, arrivedOn: string, confirmedOn: string): string {
  const a = ARRIVAL[channel];
  return a ? `${a.what}于${arrivedOn}到达、${confirmedOn}${a.confirm}（条例第三十一条）` : '';
}
