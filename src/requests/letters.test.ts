import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_TEMPLATES,
  basisAfterRegulation,
  dateOrPeriod,
  fillTemplate,
  replyKindOf,
} from './letters.ts';
import { DEFAULT_SETTINGS } from './settings.ts';
import { dispositionOf, reliefParagraph } from './dispositions.ts';

const reliefWording = (o: Parameters<typeof dispositionOf>[1], _s: unknown, body: string) =>
  reliefParagraph(dispositionOf(DEFAULT_SETTINGS, o).relief, body)!;

test('a provisional date is never printed: the period is (§4 point 5)', () => {
  assert.equal(dateOrPeriod('2027-01-13', true, '收到申请之日起20个工作日内'), '收到申请之日起20个工作日内');
  assert.equal(dateOrPeriod('2026-04-02', false, '收到申请之日起20个工作日内'), '2026年4月2日前');
});

test('relief wording: 复议前置 for 不予公开 and 部分公开, the ordinary choice otherwise (§6.4)', () => {
  const a = reliefWording('partially_disclosed', DEFAULT_SETTINGS, '互助土族自治县人民政府');
  assert.match(a, /应当先自收到本答复之日起60日内向互助土族自治县人民政府申请行政复议/);
  assert.match(reliefWording('withheld_process_info', DEFAULT_SETTINGS, 'X'), /应当先/);
  const b = reliefWording('disclosed', DEFAULT_SETTINGS, '互助土族自治县人民政府');
  assert.match(b, /也可以自收到本答复之日起6个月内依法向人民法院提起行政诉讼/);
  assert.doesNotMatch(b, /应当先/);
});

test('reply letter kinds follow the outcome (§6.2)', () => {
  assert.equal(replyKindOf('already_public'), 'reply_disclosed');
  assert.equal(replyKindOf('partially_disclosed'), 'reply_partial');
  assert.equal(replyKindOf('withheld_third_party'), 'reply_withheld');
  assert.equal(replyKindOf('not_exist'), 'reply_unable');
  assert.equal(replyKindOf('repeated'), 'reply_not_processed');
});

test('templates fill known placeholders and leave unknown ones visible', () => {
  const r = fillTemplate(
    { title: '{机关}告知书', body: '尊敬的{申请人}\n\n{未知}' },
    { 机关: '哈拉直沟乡人民政府', 申请人: '马福祥' },
  );
  assert.equal(r.title, '哈拉直沟乡人民政府告知书');
  assert.deepEqual(r.paragraphs, ['尊敬的马福祥', '{未知}']);
  assert.match(DEFAULT_TEMPLATES.receipt.body, /{答复期限}/);
});

test('a basis typed with the regulation name does not print the name twice', () => {
  assert.equal(
    basisAfterRegulation('《中华人民共和国政府信息公开条例》第三十七条、第十五条'),
    '第三十七条、第十五条',
  );
  assert.equal(basisAfterRegulation('根据《条例》第三十六条第（三）项'), '第三十六条第（三）项');
  assert.equal(basisAfterRegulation('第三十八条'), '第三十八条');
  assert.equal(
    basisAfterRegulation('《中华人民共和国档案法》第二十八条'),
    '《中华人民共和国档案法》第二十八条',
  );
});
