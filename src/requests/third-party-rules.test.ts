import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkConsentRespected,
  checkDisclosureNotices,
  checkDisclosureWait,
  disclosureNotBefore,
  type ThirdPartyConsultation,
} from './third-party-rules.ts';
import { shippedCalendar } from '../calendar/test-calendars.ts';
import { DomainError } from '../errors.ts';

const cal = shippedCalendar();
const refused = (f: () => void, msg: RegExp) =>
  assert.throws(
    f,
    (e: unknown) => e instanceof DomainError && e.code === 'invalid_state' && msg.test(e.message),
  );
const c = (
  answer: ThirdPartyConsultation['answer'],
  more: Partial<ThirdPartyConsultation> = {},
): ThirdPartyConsultation => ({
  id: 1,
  kind: 'third_party',
  party: '某建设公司',
  answer,
  decisionNoticeOn: null,
  decisionNoticeDeliveredOn: null,
  ...more,
});

describe('条例第十五条: consent, then withholding on third-party grounds is refused', () => {
  const cases: {
    name: string;
    outcome: string;
    grounds: string[];
    cs: ThirdPartyConsultation[];
    ok: boolean;
  }[] = [
    {
      name: 'consented → withheld_third_party',
      outcome: 'withheld_third_party',
      grounds: [],
      cs: [c('agree')],
      ok: false,
    },
    {
      name: 'consented → partial on third-party ground',
      outcome: 'partially_disclosed',
      grounds: ['withheld_third_party'],
      cs: [c('agree')],
      ok: false,
    },
    {
      name: 'consented → partial on another ground',
      outcome: 'partially_disclosed',
      grounds: ['withheld_process_info'],
      cs: [c('agree')],
      ok: true,
    },
    {
      name: 'objected → withheld_third_party',
      outcome: 'withheld_third_party',
      grounds: [],
      cs: [c('object')],
      ok: true,
    },
    {
      name: 'no answer → withheld_third_party (agency decides)',
      outcome: 'withheld_third_party',
      grounds: [],
      cs: [c('none')],
      ok: true,
    },
    {
      name: 'one agrees, one objects',
      outcome: 'withheld_third_party',
      grounds: [],
      cs: [c('agree'), c('object', { id: 2, party: '张某' })],
      ok: true,
    },
    {
      name: 'co-producing agency agreed does not count',
      outcome: 'withheld_third_party',
      grounds: [],
      cs: [c('agree', { kind: 'co_agency' })],
      ok: true,
    },
  ];
  for (const x of cases)
    test(x.name, () => {
      const f = () => checkConsentRespected(x.outcome as never, x.grounds, x.cs);
      if (x.ok) f();
      else refused(f, /已书面同意公开.*第十五条/);
    });
});

describe('条例第三十二条: objection and disclosure → 决定公开告知书 and the waiting period', () => {
  test('approving a disclosure over an objection needs the notice first', () => {
    refused(() => checkDisclosureNotices('disclosed', [c('object')]), /决定公开告知书/);
    checkDisclosureNotices('disclosed', [c('object', { decisionNoticeOn: '2026-03-20' })]);
    checkDisclosureNotices('withheld_third_party', [c('object')]);
    checkDisclosureNotices('disclosed', [c('agree')]);
  });

  test('the wait runs from delivery: 15 working days after 2026-03-23 → from 2026-04-15', () => {
    const cs = [c('object', { decisionNoticeOn: '2026-03-20', decisionNoticeDeliveredOn: '2026-03-23' })];
    // 15 working days after 03-23 is 04-14 (清明 04-06 skipped); the information may go out from the next day.
    assert.equal(disclosureNotBefore(cal, 'disclosed', cs, 15), '2026-04-15');
    assert.equal(
      disclosureNotBefore(cal, 'disclosed', [c('object', { decisionNoticeOn: '2026-03-20' })], 15),
      null,
    );
    assert.equal(disclosureNotBefore(cal, 'disclosed', [c('agree')], 15), undefined);
  });

  test('providing the information before the wait ends is refused', () => {
    refused(() => checkDisclosureWait(null, '2026-05-01'), /尚未登记/);
    refused(() => checkDisclosureWait('2026-04-15', '2026-04-14'), /2026-04-15起/);
    checkDisclosureWait('2026-04-15', '2026-04-15');
    checkDisclosureWait(undefined, '2026-01-01');
  });
});
