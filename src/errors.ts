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
  | 'too_large';

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
};

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
