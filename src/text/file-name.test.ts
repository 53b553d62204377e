import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { contentDisposition, hasHiddenCharacters, MAX_FILE_NAME_BYTES, safeFileName } from './file-name.ts';

test('bidi overrides, NUL and path characters are neutralised, the extension kept', () => {
  assert.equal(safeFileName('合同\u202Efdp.exe'), '合同fdp.exe');
  assert.equal(safeFileName('报告\u0000.pdf'), '报告.pdf');
  assert.equal(safeFileName('../../etc/passwd'), '_.._etc_passwd');
  assert.equal(safeFileName('a\\b:c*?"<>|.docx'), 'a_b_c______.docx');
  assert.equal(safeFileName('  .隐藏.pdf. '), '隐藏.pdf');
  assert.equal(safeFileName('\u202E\u0000'), '文件');
  assert.ok(hasHiddenCharacters('x\u2066y'));
  assert.ok(!hasHiddenCharacters('申请书.pdf'));
});

test('long names are cut on a grapheme boundary to the byte limit, extension kept', () => {
  const name = '申'.repeat(100) + '😀'.repeat(10) + '.pdf';
  const safe = safeFileName(name);
  assert.ok(new TextEncoder().encode(safe).length <= MAX_FILE_NAME_BYTES);
  assert.ok(safe.endsWith('.pdf'));
  assert.ok(!/[\ud800-\udbff]$/.test(safe.slice(0, -4)));
});

test('Content-Disposition carries the neutralised name, UTF-8 encoded, and an ASCII fallback', () => {
  assert.equal(
    contentDisposition('合同\u202Efdp.exe'),
    `attachment; filename="download.exe"; filename*=UTF-8''${encodeURIComponent('合同fdp.exe')}`,
  );
  assert.match(
    contentDisposition('a"b\r\nX-Evil: 1.pdf', 'inline'),
    /^inline; filename="download\.pdf"; filename\*=UTF-8''[^\s"]+$/,
  );
});

test('property: whatever the name, the result has no bidi, control or path characters and fits the limit', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
      const safe = safeFileName(name);
      assert.ok(safe.length > 0);
      assert.ok(!hasHiddenCharacters(safe));
      assert.ok(!/[/\\:*?"<>|]/.test(safe));
      assert.ok(new TextEncoder().encode(safe).length <= MAX_FILE_NAME_BYTES + 4);
      assert.equal(safeFileName(safe), safe); // idempotent
      const header = contentDisposition(name);
      assert.ok(/^[\x20-\x7e]+$/.test(header), 'header is printable ASCII');
    }),
  );
});
