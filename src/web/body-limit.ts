/**
 * Request body limits, checked before anything reads the body (the CSRF check parses forms): a declared
 * Content-Length over the route's limit is refused at once; a body without one is counted while it is read and cut off
 * at the limit. The answer is 413 with a Chinese message. Routes that take files have the upload limit
 * (GONGKAI_MAX_UPLOAD_MB); every other route the form limit (GONGKAI_MAX_FORM_KB).
 *
 * A new route that takes files adds its path pattern to UPLOAD_ROUTES (one line).
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv, C } from './app-env.ts';
import { DomainError } from '../errors.ts';

/** POST routes that accept file uploads (multipart with files). */
export const UPLOAD_ROUTES: readonly RegExp[] = [
  /^\/apply$/,
  /^\/office\/requests\/[0-9]+\/attachments$/,
  /^\/office\/publications\/[0-9]+\/attachments$/,
  /^\/office\/annual-reports\/import$/,
  /^\/office\/org\/[0-9]+\/import\/[a-z]+$/,
  /^\/office\/calendar\/load$/,
  /^\/office\/report-check$/,
];

/** The body limit of a route, in bytes. */
export function bodyLimitOf(c: C): number {
  const limits = c.var.deps.config.bodyLimits;
  return UPLOAD_ROUTES.some((re) => re.test(c.req.path)) ? limits.upload : limits.form;
}

function human(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

/** The message of a 413 (also used by the error page). */
export function tooLargeMessage(limit: number): string {
  return `提交的内容过大（本页面上限为 ${human(limit)}），未被接收。请返回上一页，缩小或减少附件后重新提交。`;
}

export const limitBodies: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  const limit = bodyLimitOf(c);
  return bodyLimit({
    maxSize: limit,
    onError: () => {
      throw new DomainError('too_large', tooLargeMessage(limit));
    },
  })(c, next);
};
