/** The streaming multipart parser: the same result however the body is cut into chunks; limits checked in flight. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { boundaryOf, parseMultipart, type MultipartLimits } from './multipart.ts';

const LIMITS: MultipartLimits = {
  totalBytes: 1 << 20,
  fileBytes: 1 << 20,
  fieldBytes: 1 << 16,
  parts: 100,
};

async function* chunks(body: Buffer, sizes: () => number): AsyncIterable<Uint8Array> {
  for (let at = 0; at < body.length;) {
    const n = Math.max(1, sizes());
    yield new Uint8Array(body.subarray(at, at + n));
    at += n;
  }
}

/** Parse, collecting each file's bytes; returns [field, value] pairs in order. */
async function parse(body: Buffer, sizes: () => number, limits = LIMITS, boundary = 'XyZ') {
  const parsed = await parseMultipart(
    chunks(body, sizes),
    boundary,
    limits,
    async (info, bytes) => {
      const parts: Buffer[] = [];
      for await (const p of bytes) parts.push(Buffer.from(p));
      return { ...info, bytes: Buffer.concat(parts) };
    },
    async () => undefined,
  );
  return [...parsed].flatMap(([k, vs]) => vs.map((v) => [k, v] as const));
}

// File data with near-delimiters: CRLF, "--", the boundary without its CRLF before it, a delimiter cut short.
const tricky = Buffer.concat([
  Buffer.from('%PDF-1.4\r\n--Xy\r\n-XyZ\r\n\r\nab--XyZ\r\n'),
  Buffer.from([0, 255, 13, 10, 45, 45, 88, 121]),
  Buffer.from('\r\n--Xy'),
]);
const body = Buffer.concat([
  Buffer.from(
    'preamble to ignore\r\n--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\n标题，含\r\n换行\r\n',
  ),
  Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="files"; filename="报告.pdf"\r\n'),
  Buffer.from('Content-Type: application/pdf\r\n\r\n'),
  tricky,
  Buffer.from('\r\n--XyZ\r\nContent-Disposition: form-data; name="files"; filename="empty.txt"\r\n\r\n'),
  Buffer.from('\r\n--XyZ\r\nContent-Disposition: form-data; name="title"\r\n\r\n二\r\n--XyZ--\r\nepilogue'),
]);

test('the same fields and files whatever the chunking (1 byte, 7 bytes, random)', async () => {
  const expected = [
    ['title', '标题，含\r\n换行'],
    ['files', { field: 'files', fileName: '报告.pdf', contentType: 'application/pdf', bytes: tricky }],
    [
      'files',
      {
        field: 'files',
        fileName: 'empty.txt',
        // No Content-Type header: busboy's default (RFC 7578 §4.4).
        contentType: 'text/plain',
        bytes: Buffer.alloc(0),
      },
    ],
    ['title', '二'],
  ];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 40;
  for (const sizes of [() => 1, () => 7, random, () => body.length]) {
    const got = await parse(body, sizes);
    // Fields of one name are kept together, in order: both titles, then both files.
    assert.deepEqual(
      got,
      [expected[0], expected[3], expected[1], expected[2]].map((e) => e as [string, unknown]),
    );
  }
});

test('limits are checked while streaming, and what was stored is handed back for undoing', async () => {
  const file = (name: string, size: number) =>
    Buffer.concat([
      Buffer.from(`--XyZ\r\nContent-Disposition: form-data; name="f"; filename="${name}"\r\n\r\n`),
      Buffer.alloc(size, 0x61),
      Buffer.from('\r\n'),
    ]);
  const big = Buffer.concat([file('a.bin', 100), file('b.bin', 5000), Buffer.from('--XyZ--')]);
  const undone: string[] = [];
  let read = 0;
  await assert.rejects(
    parseMultipart(
      (async function* () {
        for await (const c of chunks(big, () => 64)) {
          read += c.length;
          yield c;
        }
      })(),
      'XyZ',
      { ...LIMITS, fileBytes: 1000 },
      async (info, bytes) => {
        for await (const p of bytes) void p;
        return info.fileName;
      },
      async (files) => {
        undone.push(...files);
      },
    ),
    /文件过大/,
  );
  assert.deepEqual(undone, ['a.bin']);
  assert.ok(read < 1400, `read ${read} bytes`);
  await assert.rejects(
    parse(big, () => 64, { ...LIMITS, totalBytes: 2000 }),
    /提交的内容过大/,
  );
  await assert.rejects(
    parse(big, () => 64, { ...LIMITS, parts: 1 }),
    /分段过多/,
  );
});

test('the boundary parameter: quoted or bare; missing or invalid is a Chinese 400', () => {
  assert.equal(
    boundaryOf('multipart/form-data; boundary=----WebKitFormBoundaryA1b2'),
    '----WebKitFormBoundaryA1b2',
  );
  assert.equal(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b:c"'), 'a b:c');
  for (const bad of [
    'multipart/form-data',
    'multipart/form-data; boundary=',
    `multipart/form-data; boundary=${'x'.repeat(71)}`,
  ])
    assert.throws(() => boundaryOf(bad), /boundary/);
});

test('RFC 5987 filename* wins over filename; quoted names keep their escaped quotes', async () => {
  const b = Buffer.from(
    '--XyZ\r\nContent-Disposition: form-data; name="f"; filename="fallback.pdf"; ' +
      "filename*=UTF-8''%E5%B9%B4%E6%8A%A5.pdf\r\n\r\nx\r\n" +
      '--XyZ\r\nContent-Disposition: form-data; name="q\\"uote"\r\n\r\ny\r\n--XyZ--',
  );
  const got = await parse(b, () => 5);
  assert.equal((got[0]![1] as { fileName: string }).fileName, '年报.pdf');
  assert.deepEqual(got[1], ['q"uote', 'y']);
});
