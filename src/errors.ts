import './zod-zh.ts'; // Chinese defaults for zod's messages, for the whole process
/** Expected failures, each with a stable code; mapped to HTTP status / CLI exit code in one place. */
export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'forbidden'
  | 'unauthenticated'
  | 'invalid_state'
  | 'conflict'
  | 'locked'
  | 'rate_limited'
  | 'too_large'
  | 'unavailable';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super('validation', message, { fieldErrors });
  }
}
export class NotFoundError extends DomainError {
  constructor(message = '未找到该记录') {
    super('not_found', message);
  }
}
export class ForbiddenError extends DomainError {
  constructor(message = '无权执行此操作') {
    super('forbidden', message);
  }
}
export class InvalidStateError extends DomainError {
  constructor(message: string) {
    super('invalid_state', message);
  }
}
export class ConflictError extends DomainError {
  constructor(message = '记录已被他人修改，请刷新后重试') {
    super('conflict', message);
  }
}

export const httpStatusOf: Record<ErrorCode, number> = {
  validation: 400,
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  invalid_state: 409,
  conflict: 409,
  locked: 423,
  rate_limited: 429,
  too_large: 413,
  unavailable: 503,
};

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}

/** Throw ForbiddenError unless allowed. Outsiders get "not found" instead (they must not learn what exists). */
export function assertCan(
  allowed: boolean,
  opts: { hide?: boolean; message?: string } = {},
): asserts allowed {
  if (allowed) return;
  if (opts.hide) throw new NotFoundError();
  throw new ForbiddenError(opts.message);
}

/** What fromZod reads of a zod error. */
type ZodIssues = { issues: { path: PropertyKey[]; message: string }[] };

/** Turn a zod error into a ValidationError with per-field Chinese messages. */
export function fromZod(error: ZodIssues): ValidationError {
  const fieldErrors: Record<string, string> = {};
  for (const i of error.issues) {
    // An element of a list of plain values (alertDays.1, roles.0) is the list's own field: one control on the form.
    const path = [...i.path];
    while (typeof path.at(-1) === 'number') path.pop();
    const key = path.map(String).join('.') || '_';
    fieldErrors[key] ??= i.message;
  }
  const first = error.issues[0]?.message ?? '输入有误';
  return new ValidationError(first, fieldErrors);
}

/** Parse with a zod schema or throw a ValidationError. */
export function parseInput<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: ZodIssues } },
  v: unknown,
): T {
  const r = schema.safeParse(v);
  if (!r.success) throw fromZod(r.error);
  return r.data;
}
