/**
 * Outgoing messages behind small interfaces, so an installation plugs in its mail server or SMS gateway. E-mail goes
 * through SMTP (nodemailer) when `GONGKAI_SMTP_URL` is set; SMS through the gateway an installation plugs in with
 * `setSenders`. Until then both write to the log: nothing leaves the machine unconfigured.
 */
import nodemailer from 'nodemailer';
import { logger, maskEmail, maskPhone, maskSecrets, type Logger } from '../logger.ts';

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

/**
 * The stand-ins for an unconfigured mail server / SMS gateway write what would be sent to the log, with the address
 * or phone masked and every 查询码 (and ID number) in the text masked: a log is read by more people than the
 * citizen's phone, and a code in clear there would open the citizen's request or message to any of them.
 */
export function standInEmailSender(log: Logger): EmailSender {
  return {
    async send(m) {
      const subject = maskSecrets(m.subject);
      log.info(
        { to: maskEmail(m.to), subject },
        `邮件（未配置发送服务，仅记录）：${subject}\n${maskSecrets(m.text)}`,
      );
    },
  };
}
export function standInSmsSender(log: Logger): SmsSender {
  return {
    async send(m) {
      log.info({ phone: maskPhone(m.phone) }, `短信（未配置短信网关，仅记录）：${maskSecrets(m.text)}`);
    },
  };
}

export const loggingEmailSender: EmailSender = standInEmailSender(logger);
export const loggingSmsSender: SmsSender = standInSmsSender(logger);

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
