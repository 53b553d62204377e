import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dispositionOf, dispositionTable, reliefParagraph } from './dispositions.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { OUTCOMES } from './request.ts';
import { B_ROWS } from '../annual-report/report-format.ts';

describe('行政复议法(2023)第二十三条: one table decides row and relief for every outcome', () => {
  const table = dispositionTable(DEFAULT_SETTINGS);

  test('every outcome is in the table, with a real Table B row', () => {
    assert.deepEqual(
      table.map((d) => d.outcome),
      [...OUTCOMES],
    );
    for (const d of table) assert.ok((B_ROWS as readonly string[]).includes(d.row), d.row);
  });

  for (const d of table)
    test(`${d.outcome} → ${d.row} → ${d.relief}`, () => {
      const text = reliefParagraph(d.relief, '互助土族自治县人民政府');
      if (d.row.startsWith('result.withheld.') || d.row === 'result.partially_granted') {
        assert.equal(d.relief, 'review_first');
        assert.match(text!, /应当先.*申请行政复议.*第二十三条|第二十三条.*应当先/);
        assert.doesNotMatch(text!, /也可以.*提起行政诉讼/);
      } else if (d.outcome === 'withdrawn') {
        assert.equal(text, null);
        assert.equal(d.letter, null);
      } else {
        assert.equal(d.relief, 'review_or_litigation');
        assert.match(text!, /60日内.*申请行政复议，也可以.*6个月内.*提起行政诉讼/);
      }
    });

  test('special_access_law counts in （三）8 and therefore gets 复议前置 (the old letter offered direct litigation)', () => {
    const d = dispositionOf(DEFAULT_SETTINGS, 'special_access_law');
    assert.equal(d.row, 'result.withheld.admin_query');
    assert.equal(d.relief, 'review_first');
  });

  test('视为放弃 and 不再处理 are final dispositions with relief wording', () => {
    for (const o of [
      'abandoned_no_correction',
      'abandoned_fee_unpaid',
      'repeated',
      'excessive_unreasonable',
    ] as const) {
      const d = dispositionOf(DEFAULT_SETTINGS, o);
      assert.notEqual(d.relief, 'none', o);
      assert.ok(d.letter, o);
    }
  });

  test('an agency re-mapping an outcome to a 不予公开 row moves its wording with it', () => {
    const d = dispositionOf(
      { outcomeRowMap: { not_exist: 'result.withheld.prohibited_by_law' } },
      'not_exist',
    );
    assert.equal(d.relief, 'review_first');
  });
});
