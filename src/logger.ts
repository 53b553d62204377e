import pino from 'pino';

/** Redact anything that could carry a password or an ID number (身份证号). */
export const redactPaths = [
  'password',
  '*.password',
  'newPassword',
  '*.newPassword',
  'idNumber',
  '*.idNumber',
  'id_number',
  '*.id_number',
  'trackingCode',
  '*.trackingCode',
  'tracking_code',
  '*.tracking_code',
  'req.headers.cookie',
  'headers.cookie',
];

const ID_NUMBER_RE = /\b(\d{6})\d{8}(\d{3}[\dXx])\b/g;

/** Mask 18-digit ID numbers inside free text before it reaches a log line. */
export function maskIdNumbers(s: string): string {
  return s.replace(ID_NUMBER_RE, '$1********$2');
}

/** A 查询码 after its label (`查询码ABCD2345`, `查询码：ABCD2345`, `查询码（ABCD2345）`). */
const TRACKING_CODE_RE = /(查询码[\s:：（(]*)([A-Za-z0-9]{4,20})/g;

/**
 * Mask tracking codes (查询码) inside free text: first and last character kept, like a masked phone number keeps
 * enough to tell two apart, never enough to use (six of the eight characters hidden).
 */
export function maskTrackingCodes(s: string): string {
  return s.replace(
    TRACKING_CODE_RE,
    (_m, label: string, code: string) => `${label}${maskMiddle(code, 1, 1)}`,
  );
}

/** A phone number as logs may show it: 139****5678. */
export function maskPhone(phone: string): string {
  return /^\d{7,}$/.test(phone) ? maskMiddle(phone, 3, 4) : maskMiddle(phone, 1, 1);
}

/** An e-mail address as logs may show it: the first letter of the mailbox and the domain (m***@example.com). */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return maskMiddle(address, 1, 0);
  return `${address[0]}***${address.slice(at)}`;
}

function maskMiddle(s: string, keepStart: number, keepEnd: number): string {
  if (s.length <= keepStart + keepEnd) return '*'.repeat(s.length);
  return `${s.slice(0, keepStart)}${'*'.repeat(s.length - keepStart - keepEnd)}${keepEnd ? s.slice(-keepEnd) : ''}`;
}

/** A request path as the access log shows it: a receipt's key (it opens the page with the 查询码) masked. */
export function loggedPath(pathname: string): string {
  return pathname.replace(/(\/apply\/receipt\/)[^/]+/, '$1***');
}

/** Everything a free-text log message must not carry in clear: ID numbers and tracking codes. */
export function maskSecrets(s: string): string {
  return maskTrackingCodes(maskIdNumbers(s));
}

export function createLogger(level = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream) {
  const options: pino.LoggerOptions = {
    level,
    redact: { paths: redactPaths, censor: '[已隐藏]' },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? maskSecrets(a) : a)) as Parameters<typeof method>,
        );
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type Logger = ReturnType<typeof createLogger>;
export const logger = createLogger();
