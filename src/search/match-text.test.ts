import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { matchesAllWords } from './match-text.ts';

describe('matchesAllWords', () => {
  const guide =
    '受理机构：哈拉直沟乡人民政府党政综合办公室。办公时间：工作日上午8:30—12:00。依申请公开的办理程序';
  it('every word, wherever it is', () => {
    assert.equal(matchesAllWords('办公时间', guide), true);
    assert.equal(matchesAllWords('申请 办公时间', guide), true);
    assert.equal(matchesAllWords('受理机构电话', guide), false);
  });
  it('nothing to match: no match', () => assert.equal(matchesAllWords('，。', guide), false));
});
