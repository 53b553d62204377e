import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isValidIdNumber, luhnValid, maskHtml, maskText, scanText, type HitKind } from './secrecy-scan.ts';

const kinds = (text: string) => scanText(text).map((h) => `${h.kind}:${h.match}`);

describe('isValidIdNumber (GB 11643 checksum and birth date)', () => {
  const cases: [string, boolean][] = [
    ['632126198001010011', true],
    ['630223195506153027', true],
    ['11010519491231002X', true],
    ['11010519491231002x', true],
    ['632126198001010012', false], // wrong check digit
    ['632126198002300010', false], // 30 February
    ['632126180001010010', false], // year 1800
    ['63212619800101001', false], // 17 digits
  ];
  for (const [s, ok] of cases) it(`${s} → ${ok}`, () => assert.equal(isValidIdNumber(s), ok));
});

describe('luhnValid', () => {
  for (const [s, ok] of [
    ['6222021234567890128', true],
    ['6217000000123456786', true],
    ['4367421234567896', true],
    ['6222021234567890127', false],
  ] as const)
    it(`${s} → ${ok}`, () => assert.equal(luhnValid(s), ok));
});

describe('scanText: true positives', () => {
  const cases: [string, string, HitKind, string][] = [
    [
      'ID number in a sentence',
      '申请人张某，身份证号632126198001010011，现住',
      'id_card',
      '632126198001010011',
    ],
    ['ID number with lower-case x', '证件号码11010519491231002x。', 'id_card', '11010519491231002x'],
    ['mobile number', '联系电话13897412345，请于', 'mobile', '13897412345'],
    ['mobile with spaces', '联系电话 138 9741 2345 或', 'mobile', '138 9741 2345'],
    ['mobile with dashes', '电话：139-0972-1234', 'mobile', '139-0972-1234'],
    ['bank card', '补贴打入账户6222021234567890128。', 'bank_card', '6222021234567890128'],
    ['bank card in groups', '卡号 6217 0000 0012 3456 786 已核实', 'bank_card', '6217 0000 0012 3456 786'],
    ['house address', '户主住哈拉直沟村3社12号，', 'address', '哈拉直沟村3社12号'],
    ['street address', '地址：互助县威远镇西街8号', 'address', '互助县威远镇西街8号'],
    ['village group', '住费家村二社，', 'address', '费家村二社'],
    ['low-income list', '本月新增低保户：张三丰、李四', 'sensitive_person', '张三丰'],
    ['name before disability', '王小明（残疾人）申请补助', 'sensitive_person', '王小明'],
    ['name then 患有', '经核实，刘桂兰患有尿毒症', 'health', '刘桂兰'],
    ['secret marking', '秘密★1年 关于……的通知', 'marking', '秘密★'],
    ['confidential', '本文件为机密级', 'marking', '机密'],
    ['top secret', '绝密', 'marking', '绝密'],
    ['internal material', '（内部资料，注意保存）', 'marking', '内部资料'],
    ['do not circulate', '此件不得外传', 'marking', '不得外传'],
  ];
  for (const [title, text, kind, match] of cases) {
    it(title, () => {
      const h = scanText(text).find((x) => x.kind === kind);
      assert.ok(h, `expected a ${kind} hit in ${text}: ${JSON.stringify(kinds(text))}`);
      assert.equal(h.match, match);
      assert.equal(text.slice(h.start, h.end), match);
    });
  }
  it('a low-income list flags every name', () =>
    assert.deepEqual(
      scanText('低保对象：张三丰、李四、王五。').map((h) => h.match),
      ['张三丰', '李四', '王五'],
    ));
  it('gives context either side', () => {
    const [h] = scanText('联系人电话13897412345请勿外传');
    assert.equal(h!.before, '联系人电话');
    assert.equal(h!.after, '请勿外传');
  });
});

describe('scanText: false positives stay quiet', () => {
  const quiet: [string, string][] = [
    ['an 18-digit number with a wrong checksum', '合同编号632126198001010012'],
    ['a 19-digit number failing Luhn', '流水号6222021234567890127'],
    ['a number inside a longer one', '编码96321261980010100119'],
    ['a landline', '咨询电话0972-8321234'],
    ['a document number', '互政〔2025〕12号'],
    ['an amount', '共计拨付资金13897412万元'.replace('13897412', '1389741')],
    ['a date', '2025年3月15日'],
    ['a village name alone', '哈拉直沟村召开村民代表大会'],
    ['a group meeting', '费家村二社村民会议'],
    ['the law on state secrets', '依法确定为国家秘密的政府信息不予公开'],
    ['commercial secrets in a law citation', '涉及商业秘密、个人隐私'],
    ['low-income policy without a name', '全乡低保标准提高到每人每年8000元'],
    ['a leader introduced', '乡长张明主持会议，分管领导李华参加'],
    ['disability policy', '残疾人两项补贴按时足额发放'],
    ['old age', '为高龄老人发放补贴'],
    ['an index number', '索引号：630223-HLZG/2025-00012'],
    ['a postcode and phone-like code', '邮编810500'],
    ['an 11-digit number starting with 12', '统一社会信用代码12632126012345678X'],
  ];
  for (const [title, text] of quiet) {
    it(title, () => assert.deepEqual(kinds(text), []));
  }
});

describe('masking', () => {
  it('masks ID, mobile, card, address and names', () => {
    const text =
      '张三丰（低保户）身份证632126198001010011，电话13897412345，卡号6222021234567890128，住哈拉直沟村3社12号。';
    const masked = maskText(text, scanText(text));
    assert.equal(
      masked,
      '张某某（低保户）身份证632126********0011，电话138****2345，卡号***************0128，住哈拉直沟村＊社＊号。',
    );
    assert.deepEqual(
      scanText(masked).filter((h) => h.severity === 'high'),
      [],
    );
  });
  it('leaves markings in place (they cannot be masked away)', () => {
    const text = '机密 通知';
    assert.equal(maskText(text, scanText(text)), text);
    assert.equal(scanText(text)[0]!.masked, null);
  });
  it('masks inside HTML text without touching markup', () => {
    const r = maskHtml('<p class="x">身份证号<strong>632126198001010011</strong></p><p>电话13897412345</p>');
    assert.equal(
      r.html,
      '<p class="x">身份证号<strong>632126********0011</strong></p><p>电话138****2345</p>',
    );
    assert.equal(r.masked, 2);
  });
});
