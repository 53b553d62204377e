import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { Document, Packer, Paragraph } from 'docx';
import { writeXlsx } from './xlsx.ts';
import {
  assertZipWithinLimits,
  OFFICE_ZIP_LIMITS,
  ZipBombError,
  zipRefusal,
  type ZipLimits,
} from './zip-guard.ts';

const reasonOf = (bytes: Uint8Array, limits?: ZipLimits) => {
  try {
    assertZipWithinLimits(bytes, limits);
    return null;
  } catch (e) {
    assert.ok(e instanceof ZipBombError);
    return e.reason;
  }
};

/** Rewrite the declared uncompressed size of every entry (local header +22, central record +24) — a lying ZIP. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    else if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

test('real office files pass: a DOCX from the docx writer and an XLSX from our own writer', async () => {
  const docx = await Packer.toBuffer(
    new Document({ sections: [{ children: [new Paragraph('政府信息公开')] }] }),
  );
  assert.equal(reasonOf(new Uint8Array(docx)), null);
  const xlsx = await writeXlsx([
    {
      name: '台账',
      columns: [{ header: '编号', key: 'n' }],
      rows: Array.from({ length: 2000 }, (_, i) => ({ n: `哈政依申〔2026〕第${i}号` })),
    },
  ]);
  assert.equal(reasonOf(xlsx), null);
});

test('too many entries are refused', () => {
  const files: Zippable = {};
  for (let i = 0; i <= OFFICE_ZIP_LIMITS.maxEntries; i++) files[`f${i}.xml`] = strToU8('<a/>');
  assert.equal(reasonOf(zipSync(files)), 'entries');
});

test('a compression ratio beyond the limit is refused (5 MiB of zeros in a few KB)', () => {
  const bomb = zipSync({ 'word/document.xml': new Uint8Array(5 * 1024 * 1024) });
  assert.ok(bomb.length < 50_000);
  assert.equal(reasonOf(bomb), 'ratio');
});

test('declared sizes that lie are caught while inflating', () => {
  const bomb = lieAboutSizes(zipSync({ 'word/document.xml': new Uint8Array(5 * 1024 * 1024) }), 100);
  // fflate itself trusts the declared size: it would inflate into a 100-byte buffer, burning CPU on the rest.
  assert.equal(reasonOf(bomb), 'ratio');
  const tight = { ...OFFICE_ZIP_LIMITS, maxTotalBytes: 1024 * 1024, maxRatio: 1e9 };
  assert.equal(reasonOf(bomb, tight), 'size');
});

test('total uncompressed size beyond the limit is refused, from the declared sizes and from the real ones', () => {
  const random = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 2654435761) >>> 24);
  const zip = zipSync({ 'a.bin': random(300_000), 'b.bin': random(300_000) }, { level: 0 });
  const limits = { ...OFFICE_ZIP_LIMITS, maxTotalBytes: 500_000 };
  assert.equal(reasonOf(zip, limits), 'size');
  assert.equal(reasonOf(lieAboutSizes(zip, 10), limits), 'size');
});

test('repeated entry names (overlapping records) are refused', () => {
  const zip = zipSync({ 'x.xml': strToU8('<a/>'), 'y.xml': strToU8('<b/>') });
  // Rename y.xml to x.xml in both headers: two central records with one name.
  const bytes = zip.slice();
  const text = Buffer.from(bytes.buffer);
  for (let i = text.indexOf('y.xml'); i >= 0; i = text.indexOf('y.xml', i + 1)) text[i] = 'x'.charCodeAt(0);
  assert.equal(reasonOf(bytes), 'inconsistent');
});

test('bytes that are not a ZIP pass through (the reader reports them)', () => {
  assert.equal(reasonOf(strToU8('PK\u0003\u0004 broken')), null);
  assert.equal(reasonOf(new Uint8Array(0)), null);
});

test('the refusal is Chinese and names the file and the limit', () => {
  assert.match(zipRefusal('报告.docx', 'size'), /^文件“报告\.docx”解压后超过 200 MB/);
  assert.match(zipRefusal('a.xlsx', 'entries'), /超过 1000 个/);
  assert.match(zipRefusal('a.xlsx', 'ratio'), /压缩比异常/);
});

test('property: an archive passes exactly when its real content is inside the limits', () => {
  const limits: ZipLimits = { maxEntries: 8, maxTotalBytes: 40_000, maxRatio: 50, ratioFloorBytes: 2_000 };
  const entry = fc.oneof(
    fc.uint8Array({ maxLength: 6_000 }),
    fc.nat({ max: 30_000 }).map((n) => new Uint8Array(n)), // zeros: high ratio
  );
  fc.assert(
    fc.property(fc.dictionary(fc.stringMatching(/^[a-z]{1,8}\.xml$/), entry, { maxKeys: 12 }), (files) => {
      const zip = zipSync(files);
      const reason = reasonOf(zip, limits);
      const back = unzipSync(zip);
      const sizes = Object.values(back).map((b) => b.length);
      const total = sizes.reduce((s, n) => s + n, 0);
      if (reason === null) {
        assert.ok(sizes.length <= limits.maxEntries);
        assert.ok(total <= limits.maxTotalBytes);
      } else if (reason === 'entries') assert.ok(sizes.length > limits.maxEntries);
      else if (reason === 'size') assert.ok(total > limits.maxTotalBytes);
      else assert.equal(reason, 'ratio');
    }),
    { numRuns: 150 },
  );
});
