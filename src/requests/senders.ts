/**
 * Outgoing messages behind small interfaces, so an installation plugs in its mail server or SMS gateway. The
 * defaults write to the log (nothing leaves the machine until an administrator configures a real sender).
 */
import { logger } from '../logger.ts';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}
export interface EmailSender {
  send(m: EmailMessage): Promise<void>;
}

export interface SmsMessage {
  phone: string;
  text: string;
}
/** An SMS gateway; callers respect the agency's quiet hours (alerts.ts smsSendTime) by scheduling the job. */
export interface SmsSender {
  send(m: SmsMessage): Promise<void>;
}

export const loggingEmailSender: EmailSender = {
  async send(m) {
    logger.info({ to: m.to, subject: m.subject }, `邮件（未配置发送服务，仅记录）：${m.subject}\n${m.text}`);
  },
};
export const loggingSmsSender: SmsSender = {
  async send(m) {
    logger.info(
      { phone: m.phone.replace(/^(\d{3})\d+(\d{4})$/, '$1****$2') },
      `短信（未配置短信网关，仅记录）：${m.text}`,
    );
  },
};

let emailSender: EmailSender = loggingEmailSender;
let smsSender: SmsSender = loggingSmsSender;

/** Plug in the installation's senders (or test doubles). */
export function setSenders(s: { email?: EmailSender; sms?: SmsSender }): void {
  if (s.email) emailSender = s.email;
  if (s.sms) smsSender = s.sms;
}
export const senders = {
  email: () => emailSender,
  sms: () => smsSender,
};
