import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readText, READ_LIMITS } from './read-text.ts';
import {
  damagedPdf,
  encryptedPdf,
  manyEntriesDocx,
  pngBytes,
  ROSTER,
  rosterDocx,
  rosterPdf,
  rosterXlsx,
  scannedPdf,
  truncatedDocx,
  zipBombDocx,
} from '../../test/support/roster-files.ts';

const textOf = async (r: ReturnType<typeof readText>) => {
  const x = await r;
  assert.ok(x.ok, `expected text, got ${JSON.stringify(x)}`);
  return x.text;
};

describe('readText: real files', () => {
  it('reads a DOCX table row by row, cells separated by tabs', async () => {
    const text = await textOf(readText('docx', await rosterDocx()));
    for (const r of ROSTER)
      assert.match(text, new RegExp(`${r.name}\\t${r.id}\\t${r.mobile}\\t${r.home}\\t${r.illness}`));
    assert.match(text, /大病救助对象花名册/);
  });
  it('reads every XLSX cell, numbers stored in the sheet included', async () => {
    const text = await textOf(readText('xlsx', await rosterXlsx()));
    for (const r of ROSTER)
      assert.match(text, new RegExp(`${r.name}\\t${r.id}\\t${r.mobile}\\t${r.home}\\t${r.illness}`));
  });
  it('reads the text layer of a PDF', async () => {
    const text = (await textOf(readText('pdf', await rosterPdf()))).replace(/\s+/g, '');
    for (const r of ROSTER) {
      assert.ok(text.includes(r.id), r.id);
      assert.ok(text.includes(r.name), r.name);
    }
  });
  it('reads TXT in UTF-8 (with BOM) and CSV in GB18030', async () => {
    assert.equal(
      await textOf(readText('txt', new TextEncoder().encode('\uFEFF张三 13897412345'))),
      '张三 13897412345',
    );
    // "姓名,电话" in GBK.
    const gbk = new Uint8Array([0xd0, 0xd5, 0xc3, 0xfb, 0x2c, 0xb5, 0xe7, 0xbb, 0xb0]);
    assert.equal(await textOf(readText('csv', gbk)), '姓名,电话');
  });
});

describe('readText: what it cannot read, said with the reason', () => {
  const cases: [string, () => Promise<Uint8Array> | Uint8Array, Parameters<typeof readText>[0], string][] = [
    ['an image', pngBytes, 'png', 'image'],
    ['a scanned PDF (no text layer)', scannedPdf, 'pdf', 'no_text'],
    ['an encrypted PDF', encryptedPdf, 'pdf', 'encrypted'],
    ['a damaged PDF', damagedPdf, 'pdf', 'damaged'],
    ['a truncated DOCX', truncatedDocx, 'docx', 'damaged'],
    ['a zip bomb (64 MB declared)', zipBombDocx, 'docx', 'too_large'],
    ['a ZIP with 20,000 entries', manyEntriesDocx, 'docx', 'too_large'],
    ['binary bytes as TXT', () => new Uint8Array([0xff, 0x00, 0xfe, 0x01]), 'txt', 'damaged'],
    ['random bytes as XLSX', () => new Uint8Array(4096).map((_, i) => (i * 7919) % 256), 'xlsx', 'damaged'],
  ];
  for (const [title, make, kind, problem] of cases)
    it(title, async () => {
      const r = await readText(kind, await make());
      assert.deepEqual(r, { ok: false, problem });
    });

  it('keeps at most the text limit and says it was cut', async () => {
    const big = new TextEncoder().encode('张'.repeat(READ_LIMITS.textChars + 10));
    const r = await readText('txt', big);
    assert.ok(r.ok && r.truncated && r.text.length === READ_LIMITS.textChars);
  });
});
