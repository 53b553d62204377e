/** The installation's outgoing senders live with the notifications (one place); re-exported for this feature. */
export {
  loggingEmailSender,
  loggingSmsSender,
  senders,
  setSenders,
  type EmailMessage,
  type EmailSender,
  type SmsMessage,
  type SmsSender,
} from '../notifications/senders.ts';
