/**
 * Outgoing messages behind small interfaces, so an installation plugs in its mail server or SMS gateway. E-mail goes
 * through SMTP (nodemailer) when `GONGKAI_SMTP_URL` is set; SMS through the gateway an installation plugs in with
 * `setSenders`. Until then both write to the log: nothing leaves the machine unconfigured.
 */
import nodemailer from 'nodemailer';
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
/** An SMS gateway. Quiet hours are kept by the delivery job (quiet-hours.ts), never by the gateway. */
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

/** E-mail over SMTP, e.g. `smtp://user:pass@mail.example.gov.cn:587` (STARTTLS when the server offers it). */
export function smtpEmailSender(url: string, from: string): EmailSender {
  const transport = nodemailer.createTransport(url);
  return {
    async send(m) {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}

/** An SMS "gateway" that records what it would send (tests; a dry run of a new installation). */
export class RecordingSmsSender implements SmsSender {
  readonly sent: (SmsMessage & { at: Date })[] = [];
  constructor(private readonly now: () => Date = () => new Date()) {}
  async send(m: SmsMessage): Promise<void> {
    this.sent.push({ ...m, at: this.now() });
  }
}

let emailSender: EmailSender = loggingEmailSender;
let smsSender: SmsSender = loggingSmsSender;
let publicUrl = '';

/** Plug in the installation's senders and the portal address that links in messages start with. */
export function setSenders(s: { email?: EmailSender; sms?: SmsSender; publicUrl?: string }): void {
  if (s.email) emailSender = s.email;
  if (s.sms) smsSender = s.sms;
  if (s.publicUrl !== undefined) publicUrl = s.publicUrl.replace(/\/$/, '');
}
export const senders = {
  email: () => emailSender,
  sms: () => smsSender,
  /** An office link as an absolute address (relative when no public address is configured). */
  absolute: (link: string) => `${publicUrl}${link}`,
};
