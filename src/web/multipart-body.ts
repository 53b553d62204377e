/**
 * Multipart bodies are parsed as a stream (uploads/multipart.ts, on busboy) before anything else reads them: every file part goes
 * straight into the file store's staging area (uploads/staged-upload.ts) while it arrives, and the routes find the
 * parsed body where Hono keeps it, so `c.req.parseBody()` gives them the same shape as before, with an `UploadedFile`
 * (a File whose bytes are in the store) for each file. The staged files are removed once the response is made: a
 * feature that keeps a file has copied it into its own step by then.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './app-env.ts';
import { bodyLimitOf } from './body-limit.ts';
import { boundaryOf, parseMultipart, type MultipartLimits } from '../uploads/multipart.ts';
import { discardStaged, stageFile, type UploadedFile } from '../uploads/staged-upload.ts';
import { fileStoreOf } from '../storage/index.ts';

/** Parts of one body (one part's header block is at most MAX_PART_HEADER_BYTES, busboy's fixed 16 KB). */
export const MAX_PARTS = 500;

export const streamMultipart: MiddlewareHandler<AppEnv> = async (c, next) => {
  const type = c.req.header('content-type') ?? '';
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || !/^multipart\/form-data\b/i.test(type))
    return next();
  const { db, config } = c.get('deps');
  const store = fileStoreOf(config);
  const boundary = boundaryOf(type);
  const limits: MultipartLimits = {
    totalBytes: bodyLimitOf(c),
    fileBytes: config.bodyLimits.upload,
    fieldBytes: config.bodyLimits.form,
    parts: MAX_PARTS,
  };
  const body = (c.req.raw.body ?? emptyBody()) as unknown as AsyncIterable<Uint8Array>;
  const parsed = await parseMultipart(
    body,
    boundary,
    limits,
    (info, bytes) => stageFile(db, store, info, bytes),
    (files) => discardStaged(db, store, files),
  );
  const staged: UploadedFile[] = [];
  const form = new FormData();
  for (const [name, values] of parsed)
    for (const v of values) {
      if (typeof v !== 'string') staged.push(v);
      form.append(name, v);
    }
  // Hono keeps the promise of the FormData here (utils/body.ts), though its type names the FormData.
  c.req.bodyCache.formData = Promise.resolve(form) as unknown as FormData;
  try {
    await next();
  } finally {
    await discardStaged(db, store, staged);
  }
};

async function* emptyBody(): AsyncIterable<Uint8Array> {}
