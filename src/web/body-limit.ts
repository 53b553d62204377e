/**
 * Request body limits, checked before anything reads the body (the CSRF check parses forms): a declared
 * Content-Length over the route's limit is refused at once; a body without one is counted while it is read and cut off
 * at the limit (multipart bodies are also counted by their streaming parser, web/multipart-body.ts). The answer is 413 with a Chinese message. Routes that take files have the upload limit
 * (GONGKAI_MAX_UPLOAD_MB); every other route the form limit (GONGKAI_MAX_FORM_KB).
 *
 * A new route that takes files adds its path pattern to UPLOAD_ROUTES (one line).
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, C } from './app-env.ts';
import { bodyTooLarge, tooLargeMessage } from '../uploads/multipart.ts';

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
  const limits = c.get('deps').config.bodyLimits;
  return UPLOAD_ROUTES.some((re) => re.test(c.req.path)) ? limits.upload : limits.form;
}

export { tooLargeMessage };

/**
 * Refuse a declared Content-Length over the limit at once; count a body without one while it is read (never buffered:
 * multipart bodies stream on into the file store) and fail the read at the limit.
 */
export const limitBodies: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || !c.req.raw.body) return next();
  const limit = bodyLimitOf(c);
  const declared = c.req.header('content-length');
  if (declared !== undefined && !c.req.header('transfer-encoding')) {
    if (Number(declared) > limit) throw bodyTooLarge(limit);
    return next();
  }
  let size = 0;
  const counted = c.req.raw.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        size += chunk.byteLength;
        if (size > limit) ctl.error(bodyTooLarge(limit));
        else ctl.enqueue(chunk);
      },
    }),
  );
  c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit);
  return next();
};
