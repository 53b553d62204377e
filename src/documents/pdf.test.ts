import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pdfAvailable, renderPdf } from './pdf.ts';

const required = process.env.GONGKAI_REQUIRE_BROWSER === '1' || process.env.CI === 'true';

test(
  'renders a Chinese PDF with the system CJK font',
  { skip: !pdfAvailable() && !required ? 'fonts-noto-cjk not installed' : false },
  async () => {
    const buf = await renderPdf({
      content: [
        { text: '政府信息公开告知书', font: 'Hei', fontSize: 22, alignment: 'center' },
        '哈拉直沟乡人民政府',
      ],
    });
    assert.equal(buf.subarray(0, 5).toString(), '%PDF-');
    const s = buf.toString('latin1');
    assert.match(s, /NotoSerifCJK|NotoSansCJK/);
    assert.ok(buf.length > 2000);
  },
);
