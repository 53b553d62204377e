import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findDuplicate, similarity } from './duplicates.ts';

test('the same request re-worded slightly is a duplicate; another matter is not', () => {
  const earlier = [
    { id: 1, infoDescription: '2025年哈拉直沟村高标准农田建设项目的招标文件和验收报告' },
    { id: 2, infoDescription: '本乡2025年低保户名单' },
  ];
  const d = findDuplicate('2025年哈拉直沟村高标准农田建设项目招标文件、验收报告', earlier);
  assert.equal(d?.match.id, 1);
  assert.equal(findDuplicate('2024年乡财政预算', earlier), null);
});

test('similarity ignores punctuation and spaces and is symmetric', () => {
  assert.equal(similarity('低保 名单。', '低保名单'), 1);
  assert.equal(similarity('甲乙丙', '丙乙甲'), similarity('丙乙甲', '甲乙丙'));
  assert.equal(similarity('', '低保'), 0);
});
