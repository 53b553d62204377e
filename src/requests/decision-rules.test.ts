import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDecisionContent, checkLateConfirmation } from './decision-rules.ts';
import { DomainError } from '../errors.ts';

const refused = (f: () => void, msg: RegExp) =>
  assert.throws(
    f,
    (e: unknown) => e instanceof DomainError && e.code === 'validation' && msg.test(e.message),
  );

describe('条例第三十六条: what a reply must contain', () => {
  const cases: { name: string; d: Parameters<typeof checkDecisionContent>[0]; msg?: RegExp }[] = [
    {
      name: '不予公开 citing only 第十六条',
      d: { outcome: 'withheld_process_info', basis: '第十六条第二款' },
      msg: /第三十六条第（三）项/,
    },
    {
      name: '不予公开 citing only 第三十六条第（三）项',
      d: { outcome: 'withheld_process_info', basis: '第三十六条第（三）项' },
      msg: /实体依据/,
    },
    {
      name: '不予公开 citing both',
      d: { outcome: 'withheld_process_info', basis: '第三十六条第（三）项、第十六条第二款' },
    },
    {
      name: '第三方 citing both',
      d: { outcome: 'withheld_third_party', basis: '第三十六条第（三）项、第十五条' },
    },
    {
      name: '36(五) without the responsible agency',
      d: { outcome: 'not_this_agency', basis: '第三十六条第（五）项' },
      msg: /名称和联系方式/,
    },
    {
      name: '36(五) naming the agency and contact',
      d: {
        outcome: 'not_this_agency',
        basis: '第三十六条第（五）项',
        responsibleAgency: '互助县自然资源局',
        responsibleContact: '0972-8321234',
      },
    },
    {
      name: '重复申请 without the earlier reply',
      d: { outcome: 'repeated', basis: '第三十六条第（六）项' },
      msg: /此前已作出的答复/,
    },
    {
      name: '重复申请 with the earlier reply',
      d: { outcome: 'repeated', basis: '第三十六条第（六）项', earlierReplyRef: '哈政信公开〔2026〕3号' },
    },
    { name: '予以公开 needs nothing more', d: { outcome: 'disclosed', basis: '第三十六条第（二）项' } },
  ];
  for (const c of cases)
    test(c.name, () => {
      const f = () => checkDecisionContent(c.d);
      if (c.msg) refused(f, c.msg);
      else f();
    });
});

describe('条例第三十一条: a request is confirmed on arrival, whatever the channel', () => {
  test('same day: no warning', () => {
    assert.equal(
      checkLateConfirmation({ channel: 'ordinary_mail', arrivedOn: '2026-03-02', confirmedOn: '2026-03-02' }),
      null,
    );
  });
  test('days later without a reason: refused', () => {
    refused(
      () =>
        checkLateConfirmation({
          channel: 'ordinary_mail',
          arrivedOn: '2026-03-02',
          confirmedOn: '2026-03-06',
        }),
      /未能当日确认的原因/,
    );
  });
  test('days later with a reason: accepted with a warning', () => {
    const w = checkLateConfirmation({
      channel: 'ordinary_mail',
      arrivedOn: '2026-03-02',
      confirmedOn: '2026-03-06',
      reason: '申请人电话无人接听',
    });
    assert.match(w!, /第三十一条/);
  });
  test('every channel confirmed after arrival needs a reason, not only 平信; in person and 挂号 never', () => {
    for (const channel of ['online', 'email', 'fax'] as const) {
      refused(
        () => checkLateConfirmation({ channel, arrivedOn: '2026-03-02', confirmedOn: '2026-03-06' }),
        /未能当日确认的原因/,
      );
      const w = checkLateConfirmation({
        channel,
        arrivedOn: '2026-03-02',
        confirmedOn: '2026-03-06',
        reason: '系统故障',
      });
      assert.match(w!, /2026-03-02到达，2026-03-06.*第三十一条/);
    }
    for (const channel of ['in_person', 'oral', 'registered_mail'] as const)
      assert.equal(
        checkLateConfirmation({ channel, arrivedOn: '2026-03-02', confirmedOn: '2026-03-06' }),
        null,
      );
  });
});
