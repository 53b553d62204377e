/**
 * A streaming multipart/form-data parser (RFC 7578), written here because no multipart library is installed: the body
 * is read a network chunk at a time and never held whole. Text fields are collected (their total bounded); each file
 * part is handed to `onFile` as an async stream of its bytes, which `onFile` must consume (write it somewhere) before
 * the parser reads on, so backpressure reaches the socket and memory stays at a few chunks whatever the file's size.
 *
 * Every limit is checked while the bytes arrive, and a breach stops the read at once: the whole body (413), one file
 * (413), the text fields together (413), the number of parts (413), one part's header block (400). A body that is not
 * well-formed multipart (no boundary, a part without Content-Disposition, a cut-off body), a file name with a path or a
 * control character, or one that is not UTF-8, is a 400. Every message is Chinese.
 */
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
  /** Bytes of one part's header block. */
  headerBytes: number;
}

export interface FilePartInfo {
  field: string;
  fileName: string;
  contentType: string;
}

/** The values of a parsed body: a field's values in order (strings and whatever `onFile` returned). */
export type Parsed<F> = Map<string, (string | F)[]>;

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const utf8 = new TextDecoder('utf-8', { fatal: true });

const human = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;

export const MALFORMED = '提交的表单格式有误，未能读取。请返回上一页，刷新后重新填写提交。';

const malformed = (why: string) => new ValidationError(`${MALFORMED}（${why}）`);

/** The boundary of a multipart/form-data Content-Type, or a 400 when it has none or an invalid one. */
export function boundaryOf(contentType: string): string {
  const m = /;\s*boundary=(?:"([^"]*)"|([^\s;]*))/i.exec(contentType);
  const b = m?.[1] ?? m?.[2];
  if (!b || b.length > 70 || !/^[0-9A-Za-z'()+_,\-./:=? ]+$/.test(b) || b.endsWith(' '))
    throw malformed('缺少或无效的分隔标记 boundary');
  return b;
}

/** The parameters of a Content-Disposition value (quoted strings unescaped; `filename*` decoded from RFC 5987). */
function dispositionParams(value: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /;\s*([A-Za-z0-9*_.-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (const m of value.matchAll(re)) {
    const key = m[1]!.toLowerCase();
    let v = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : m[3]!.trim();
    if (key.endsWith('*')) {
      const ext = /^utf-8'[^']*'(.*)$/i.exec(v);
      if (!ext) continue;
      try {
        v = decodeURIComponent(ext[1]!);
      } catch {
        throw new ValidationError('文件名编码不正确：请使用 UTF-8 编码的文件名，或将文件改名后重新上传');
      }
    }
    out.set(key, v);
  }
  return out;
}

/** A file name as sent must be a plain name: no directory part, no control character, not "." or "..". */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;

function checkFileName(name: string): string {
  if (/[/\\]/.test(name) || new RegExp(CONTROL.source).test(name) || name === '.' || name === '..')
    throw new ValidationError(
      `文件名“${name.replace(CONTROL, '?').slice(0, 80)}”不能包含路径（/ 或 \\）或控制字符，请将文件改名后重新上传`,
    );
  if (name.length > 255) throw new ValidationError('文件名过长（不超过255个字符），请将文件改名后重新上传');
  return name;
}

interface PartHeaders {
  name: string;
  fileName: string | undefined;
  contentType: string;
}

function parseHeaders(block: Buffer): PartHeaders {
  let text: string;
  try {
    text = utf8.decode(block);
  } catch {
    throw new ValidationError(
      '文件名不是 UTF-8 编码，无法识别：请将文件改名（使用中文或英文字母）后重新上传',
    );
  }
  let disposition: string | undefined;
  let contentType = 'application/octet-stream';
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw malformed('分段头格式不正确');
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'content-disposition') disposition = value;
    else if (key === 'content-type') contentType = value.slice(0, 200);
  }
  if (!disposition || !/^form-data\s*(;|$)/i.test(disposition))
    throw malformed('分段缺少 Content-Disposition');
  const params = dispositionParams(disposition);
  const name = params.get('name');
  if (name === undefined) throw malformed('分段缺少字段名');
  const raw = params.get('filename*') ?? params.get('filename');
  return { name, fileName: raw === undefined ? undefined : checkFileName(raw), contentType };
}

/** Reads the body with a byte count, keeping only what is not yet consumed. */
class Input {
  buf: Buffer = Buffer.alloc(0);
  private total = 0;
  private readonly it: AsyncIterator<Uint8Array>;
  constructor(
    body: AsyncIterable<Uint8Array>,
    private readonly limit: number,
  ) {
    this.it = body[Symbol.asyncIterator]();
  }
  /** Read one more chunk; false at the end of the body. */
  async more(): Promise<boolean> {
    const r = await this.it.next();
    if (r.done) return false;
    const chunk = Buffer.from(r.value.buffer, r.value.byteOffset, r.value.byteLength);
    this.total += chunk.length;
    if (this.total > this.limit) throw bodyTooLarge(this.limit);
    // A new buffer each time: pieces already handed out (subarrays of the old one) are never overwritten.
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    return true;
  }
  async need(n: number, why: string): Promise<void> {
    while (this.buf.length < n) if (!(await this.more())) throw malformed(why);
  }
  /** Stop reading (after an error or the closing boundary): the source's cleanup runs. */
  async close(): Promise<void> {
    await this.it.return?.().catch(() => undefined);
  }
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
  const out: Parsed<F> = new Map();
  const files: F[] = [];
  // The delimiter is CRLF "--" boundary; the body is read as if it began with a CRLF, so the first one matches too.
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const input = new Input(body, limits.totalBytes);
  input.buf = Buffer.from(CRLF);
  let fieldBytes = 0;
  let parts = 0;
  const add = (name: string, v: string | F) => {
    const list = out.get(name);
    if (list) list.push(v);
    else out.set(name, [v]);
  };

  /** The bytes up to the next delimiter, as pieces; the delimiter is consumed. */
  async function* untilDelimiter(): AsyncIterable<Buffer> {
    for (;;) {
      const at = input.buf.indexOf(delimiter);
      if (at >= 0) {
        if (at > 0) yield input.buf.subarray(0, at);
        input.buf = input.buf.subarray(at + delimiter.length);
        return;
      }
      // Everything but a possible start of the delimiter at the end is part data.
      const safe = input.buf.length - (delimiter.length - 1);
      if (safe > 0) {
        const piece = input.buf.subarray(0, safe);
        input.buf = input.buf.subarray(safe);
        yield piece;
      }
      if (!(await input.more())) throw malformed('内容不完整，可能是上传中断');
    }
  }

  try {
    // The preamble (ignored) up to the first delimiter.
    for await (const piece of untilDelimiter()) void piece;
    for (;;) {
      // After a delimiter: "--" closes the body; otherwise optional whitespace and CRLF, then the part's headers.
      await input.need(2, '内容不完整，可能是上传中断');
      if (input.buf[0] === 0x2d && input.buf[1] === 0x2d) break;
      let eol: number;
      while ((eol = input.buf.indexOf(CRLF)) < 0) {
        if (input.buf.length > 64) throw malformed('分隔标记后格式不正确');
        if (!(await input.more())) throw malformed('内容不完整，可能是上传中断');
      }
      if (!/^[ \t]*$/.test(input.buf.subarray(0, eol).toString('latin1')))
        throw malformed('分隔标记后格式不正确');
      input.buf = input.buf.subarray(eol + CRLF.length);

      if (++parts > limits.parts)
        throw new DomainError('too_large', `表单分段过多（不超过${limits.parts}项），未被接收`);
      let end: number;
      while ((end = input.buf.indexOf(HEADER_END)) < 0) {
        if (input.buf.length > limits.headerBytes) break;
        if (!(await input.more())) throw malformed('内容不完整，可能是上传中断');
      }
      if (end < 0 || end > limits.headerBytes)
        throw new ValidationError(`表单分段头过长（不超过 ${human(limits.headerBytes)}），未被接收`);
      const headers = parseHeaders(input.buf.subarray(0, end));
      input.buf = input.buf.subarray(end + HEADER_END.length);

      if (headers.fileName === undefined) {
        const pieces: Buffer[] = [];
        fieldBytes += Buffer.byteLength(headers.name);
        for await (const piece of untilDelimiter()) {
          fieldBytes += piece.length;
          if (fieldBytes > limits.fieldBytes) throw bodyTooLarge(limits.fieldBytes);
          pieces.push(piece);
        }
        let value: string;
        try {
          value = utf8.decode(Buffer.concat(pieces));
        } catch {
          throw malformed('填写的内容不是 UTF-8 编码');
        }
        add(headers.name, value);
        continue;
      }
      let size = 0;
      let finished = false;
      async function* fileBytes(): AsyncIterable<Buffer> {
        for await (const piece of untilDelimiter()) {
          size += piece.length;
          if (size > limits.fileBytes) throw fileTooLarge(limits.fileBytes);
          yield piece;
        }
        finished = true;
      }
      const stream = fileBytes();
      const value = await onFile(
        { field: headers.name, fileName: headers.fileName, contentType: headers.contentType },
        stream,
      );
      files.push(value);
      // A consumer that stopped early: skip the rest of the part so the next one starts at its delimiter.
      if (!finished) for await (const piece of untilDelimiter()) void piece;
      add(headers.name, value);
    }
    return out;
  } catch (e) {
    await onAbort(files);
    throw e;
  } finally {
    await input.close();
  }
}
