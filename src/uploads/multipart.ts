/**
 * Streaming multipart/form-data (RFC 7578) on busboy: the body is written into busboy a network chunk at a time and
 * never held whole. Text fields are collected (their total bounded); each file part is handed to `onFile` as a stream
 * of its bytes, which `onFile` must consume (write it somewhere): busboy holds the next chunk until the file stream has
 * room, and the next chunk is read from the body only when busboy took the last, so backpressure reaches the socket and
 * memory stays at a few chunks whatever the file's size.
 *
 * Every limit is checked while the bytes arrive, and a breach stops the read: the whole body (413, counted here), one
 * file (413, busboy's fileSize), the text fields together (413), the number of parts (413), one part's header block
 * (400: busboy refuses a header block over 16 KB, Node's own limit, or one that is not well-formed). A body that is not
 * well-formed multipart (no boundary, a cut-off body), a file name with a path or a control character, or one that is
 * not UTF-8, is a 400. Every message is Chinese. A part without a form-data Content-Disposition is skipped by busboy
 * (RFC 7578 requires one; such a part carries nothing a form field could be), and so is what follows a delimiter with
 * transport padding (spaces before its CRLF, which RFC 2046 allows and no browser sends).
 *
 * File names: busboy decodes a plain `filename` parameter as UTF-8 (`defParamCharset`), and `filename*` (RFC 5987) in
 * its declared charset; bytes that are not valid there (a GBK name from an old client) come out as U+FFFD, which is
 * refused with a message asking to rename the file. Paths are kept (`preservePath`) so that they are refused rather
 * than silently cut to their last segment.
 */
import busboy from 'busboy';
import { DomainError, ValidationError } from '../errors.ts';

export interface MultipartLimits {
  /** Bytes of the whole body. */
  totalBytes: number;
  /** Bytes of one file. */
  fileBytes: number;
  /** Bytes of all text fields together (names and values). */
  fieldBytes: number;
  /** Parts (fields and files). */
  parts: number;
}

/** Bytes of one part's header block: busboy's fixed limit (Node's default for HTTP headers). */
export const MAX_PART_HEADER_BYTES = 16 * 1024;

export interface FilePartInfo {
  field: string;
  fileName: string;
  contentType: string;
}

/** The values of a parsed body: a field's values in order (strings and whatever `onFile` returned). */
export type Parsed<F> = Map<string, (string | F)[]>;

const human = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;

export const MALFORMED = '提交的表单格式有误，未能读取。请返回上一页，刷新后重新填写提交。';

const malformed = (why: string) => new ValidationError(`${MALFORMED}（${why}）`);

/** The boundary of a multipart/form-data Content-Type, or a 400 when it has none or an invalid one (RFC 2046). */
export function boundaryOf(contentType: string): string {
  const m = /;\s*boundary=(?:"([^"]*)"|([^\s;]*))/i.exec(contentType);
  const b = m?.[1] ?? m?.[2];
  if (!b || b.length > 70 || !/^[0-9A-Za-z'()+_,\-./:=? ]+$/.test(b) || b.endsWith(' '))
    throw malformed('缺少或无效的分隔标记 boundary');
  return b;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

/** A file name as sent must be a plain UTF-8 name: no directory part, no control character, not "." or "..". */
function checkFileName(name: string): string {
  if (name.includes('\ufffd'))
    throw new ValidationError(
      '文件名不是 UTF-8 编码，无法识别：请将文件改名（使用中文或英文字母）后重新上传',
    );
  if (/[/\\]/.test(name) || new RegExp(CONTROL.source).test(name) || name === '.' || name === '..')
    throw new ValidationError(
      `文件名“${name.replace(CONTROL, '?').slice(0, 80)}”不能包含路径（/ 或 \\）或控制字符，请将文件改名后重新上传`,
    );
  if (name.length > 255) throw new ValidationError('文件名过长（不超过255个字符），请将文件改名后重新上传');
  return name;
}

/** The message of a body over its limit (also the error page's). */
export const tooLargeMessage = (limit: number) =>
  `提交的内容过大（本页面上限为 ${human(limit)}），未被接收。请返回上一页，缩小或减少附件后重新提交。`;

export const bodyTooLarge = (limit: number) => new DomainError('too_large', tooLargeMessage(limit));

export const fileTooLarge = (limit: number) =>
  new DomainError(
    'too_large',
    `文件过大（每个文件不超过 ${human(limit)}），未被接收。请压缩或拆分后重新上传。`,
  );

const tooManyParts = (limit: number) =>
  new DomainError('too_large', `表单分段过多（不超过${limit}项），未被接收`);

const cutOff = () => malformed('内容不完整，可能是上传中断');

/** busboy's own errors (plain Errors with English messages), as the Chinese 400 they stand for. */
function translate(e: unknown): unknown {
  if (!(e instanceof Error) || e instanceof DomainError) return e;
  switch (e.message) {
    case 'Malformed part header':
      return new ValidationError(
        `表单分段头过长（不超过 ${human(MAX_PART_HEADER_BYTES)}）或格式不正确，未被接收`,
      );
    case 'Unexpected end of form':
    case 'Unexpected end of file':
      return cutOff();
    case 'Malformed content type':
    case 'Multipart: Boundary not found':
      return malformed('缺少或无效的分隔标记 boundary');
    default:
      return e;
  }
}

/**
 * Parse a multipart body. `onFile` gets each file part (a part with a filename) and its bytes as a stream, and returns
 * what the parsed body holds for it; when it throws, or a later limit is breached, `onAbort` gets every value already
 * returned, to undo them (nothing half-received stays anywhere), and the error is rethrown.
 */
export async function parseMultipart<F>(
  body: AsyncIterable<Uint8Array>,
  boundary: string,
  limits: MultipartLimits,
  onFile: (info: FilePartInfo, bytes: AsyncIterable<Uint8Array>) => Promise<F>,
  onAbort: (files: F[]) => Promise<void>,
): Promise<Parsed<F>> {
  const bb = busboy({
    headers: { 'content-type': `multipart/form-data; boundary="${boundary}"` },
    // One byte over each limit: busboy reports a file or field that reaches its limit exactly as cut short.
    limits: {
      fileSize: limits.fileBytes + 1,
      fieldSize: limits.fieldBytes + 1,
      parts: limits.parts + 1,
    },
    defParamCharset: 'utf8',
    preservePath: true,
    // write() answers false whenever busboy could not take a chunk at once (a file stream is full): read on only then.
    highWaterMark: 1,
  });

  // In order of appearance: a field's value, or the pending result of `onFile`.
  const entries: [string, string | Promise<F>][] = [];
  const tasks: Promise<F>[] = [];
  const files: F[] = [];
  let parts = 0;
  let fieldBytes = 0;
  let failure: unknown;
  let rejectFailed: (e: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (rejectFailed = reject));
  failed.catch(() => undefined);
  const fail = (e: unknown) => {
    if (failure !== undefined) return;
    failure = translate(e);
    rejectFailed(failure);
  };

  const addField = (name: string, value: string, truncated: boolean) => {
    fieldBytes += Buffer.byteLength(name) + Buffer.byteLength(value);
    if (truncated || fieldBytes > limits.fieldBytes) return fail(bodyTooLarge(limits.fieldBytes));
    entries.push([name, value]);
  };
  const counted = () => {
    if (++parts <= limits.parts) return true;
    fail(tooManyParts(limits.parts));
    return false;
  };

  bb.on('error', fail);
  bb.on('partsLimit', () => fail(tooManyParts(limits.parts)));
  bb.on('field', (name: string | undefined, value, info) => {
    if (failure !== undefined || !counted()) return;
    if (name === undefined) return fail(malformed('分段缺少字段名'));
    addField(name, value, info.valueTruncated);
  });
  bb.on('file', (name: string | undefined, stream, info) => {
    // Its errors reach its consumer through the iteration; a skipped part's stream has none to tell.
    stream.on('error', () => undefined);
    if (failure !== undefined || !counted()) return void stream.resume();
    if (name === undefined) {
      stream.resume();
      return fail(malformed('分段缺少字段名'));
    }
    if (info.filename === undefined) {
      // A part typed application/octet-stream without a file name: a text field as any other.
      const pieces: Buffer[] = [];
      let size = 0;
      stream.on('data', (p: Buffer) => {
        size += p.length;
        if (size <= limits.fieldBytes) pieces.push(p);
      });
      stream.on('end', () =>
        addField(name, Buffer.concat(pieces).toString('utf8'), size > limits.fieldBytes),
      );
      return;
    }
    let fileName: string;
    try {
      fileName = checkFileName(info.filename);
    } catch (e) {
      stream.resume();
      return fail(e);
    }
    stream.on('limit', () => {
      const e = fileTooLarge(limits.fileBytes);
      fail(e);
      stream.destroy(e);
    });
    const task = onFile({ field: name, fileName, contentType: info.mimeType }, stream)
      .then((v) => {
        files.push(v);
        return v;
      })
      // A consumer that stopped early: the rest of its part is skipped so that busboy can finish.
      .finally(() => stream.resume());
    task.catch(fail);
    tasks.push(task);
    entries.push([name, task]);
  });

  try {
    const it = body[Symbol.asyncIterator]();
    let total = 0;
    try {
      for (;;) {
        const r = await Promise.race([it.next(), failed]);
        if (r.done) break;
        total += r.value.byteLength;
        if (total > limits.totalBytes) throw bodyTooLarge(limits.totalBytes);
        const chunk = Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
        if (!bb.write(chunk)) await Promise.race([new Promise((ok) => bb.once('drain', ok)), failed]);
        if (failure !== undefined) throw failure;
      }
    } finally {
      // Stop reading (after an error, or a body read to its end): the source's cleanup runs. Not awaited: a source
      // stalled by its client would hold the answer.
      void it.return?.()?.catch(() => undefined);
    }
    bb.end();
    // 'finish' comes once the closing boundary was seen and every file stream was read to its end.
    await Promise.race([new Promise((ok) => bb.once('finish', ok)), failed]);
    await Promise.race([Promise.all(tasks), failed]);
    const out: Parsed<F> = new Map();
    for (const [name, v] of entries) {
      const value = typeof v === 'string' ? v : await v;
      const list = out.get(name);
      if (list) list.push(value);
      else out.set(name, [value]);
    }
    return out;
  } catch (e) {
    fail(e);
    // File streams still open end with the failure, so their consumers remove what they had written.
    bb.destroy(failure instanceof Error ? failure : undefined);
    await Promise.allSettled(tasks);
    await onAbort(files);
    throw failure;
  }
}
