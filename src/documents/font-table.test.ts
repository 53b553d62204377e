import { test } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8, unzipSync } from 'fflate';
import { officialLetterDocx } from './official-letter.ts';
import { FONT_FALLBACKS } from './font-table.ts';

test('every font a letter names is in its font table, with alternatives a reader has', async () => {
  const bytes = await officialLetterDocx({
    issuer: '哈拉直沟乡人民政府',
    docNo: '哈政信公开〔2026〕1号',
    title: '政府信息公开申请答复书',
    addressee: '马福祥',
    paragraphs: ['您于2026年3月2日提出的申请收悉。', '特此告知。'],
    date: '2026年3月20日',
  });
  const files = unzipSync(new Uint8Array(bytes));
  const doc = strFromU8(files['word/document.xml']!) + strFromU8(files['word/styles.xml']!);
  const table = strFromU8(files['word/fontTable.xml']!);
  const used = new Set([...doc.matchAll(/w:(?:eastAsia|ascii|hAnsi)="([^"]+)"/g)].map((m) => m[1]!));
  assert.ok(used.has('仿宋_GB2312') && used.has('方正小标宋简体'), [...used].join(','));
  for (const name of used) {
    assert.ok(FONT_FALLBACKS[name], `${name} has fallbacks`);
    assert.match(table, new RegExp(`<w:font w:name="${name}"><w:altName w:val="[^"]+"/>`));
  }
  // 仿宋_GB2312 falls back to the 仿宋 every Windows since Vista has, and to the free Fandol face.
  assert.match(
    table,
    /w:name="仿宋_GB2312"><w:altName w:val="仿宋,FangSong,[^"]*FandolFang"\/><w:charset w:val="86"\/>/,
  );
});
