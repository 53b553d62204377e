import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { writeXlsx } from './xlsx.ts';

test('writes sheets that read back with headers, values and a frozen header row', async () => {
  const buf = await writeXlsx([
    {
      name: '台账',
      columns: [
        { header: '编号', key: 'ref' },
        { header: '件数', key: 'n', width: 8 },
      ],
      rows: [
        { ref: '哈政依申〔2026〕第1号', n: 3 },
        { ref: '哈政依申〔2026〕第2号', n: 0 },
      ],
    },
    { name: '空表', columns: [{ header: '说明', key: 'x' }], rows: [] },
  ]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.getWorksheet('台账')!;
  assert.equal(ws.getCell('A1').value, '编号');
  assert.equal(ws.getCell('A2').value, '哈政依申〔2026〕第1号');
  assert.equal(ws.getCell('B3').value, 0);
  assert.equal(ws.getRow(1).font?.bold, true);
  assert.equal(ws.views[0]?.state, 'frozen');
  assert.ok(wb.getWorksheet('空表'));
});
