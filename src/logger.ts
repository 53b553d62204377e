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
  'req.headers.cookie',
  'headers.cookie',
];

const ID_NUMBER_RE = /\b(\d{6})\d{8}(\d{3}[\dXx])\b/g;

/** Mask 18-digit ID numbers inside free text before it reaches a log line. */
export function maskIdNumbers(s: string): string {
  return s.replace(ID_NUMBER_RE, '$1********$2');
}

export function createLogger(level = process.env.LOG_LEVEL ?? 'info') {
  return pino({
    level,
    redact: { paths: redactPaths, censor: '[已隐藏]' },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((a) => (typeof a === 'string' ? maskIdNumbers(a) : a)) as Parameters<typeof method>,
        );
      },
    },
  });
}

export type Logger = ReturnType<typeof createLogger>;
export const logger = createLogger();
