/** Table tests of the pure rules of 互动交流: screening, time rules, routing, figures, the policy matrix. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenText } from './screening.ts';
import { addMonths, isNearThreeMonths, reopenUntil, threeMonthMark } from './deadline.ts';
import { suggestOffice } from './routing.ts';
import { monthlyFigures, monthsBetween, previousMonth, type FigureRow } from './figures.ts';
import { inquiryPolicy, type InquiryPolicyAction, type InquiryScope } from './inquiry.policy.ts';
import { WorkCalendar } from '../calendar/calendar.ts';
import type { Actor } from '../context.ts';
import type { Role } from '../org/roles.ts';

const lists = { sensitiveWords: ['赌博', '杀'], allowWords: ['杀虫'] };

test('screening: words with their reason, allow-list passes, personal data masked', () => {
  const cases: { text: string; hold: boolean; words: [string, boolean][]; masked?: RegExp }[] = [
    { text: '请问低保怎么申请', hold: false, words: [] },
    { text: '村里有人聚众赌博', hold: true, words: [['赌博', false]] },
    { text: '杀虫剂补贴怎么领', hold: false, words: [['杀', true]] },
    {
      text: '有人扬言要杀人，杀虫剂也被偷了',
      hold: true,
      words: [
        ['杀', false],
        ['杀', true],
      ],
    },
    { text: '我的电话13912345678', hold: false, words: [], masked: /139\*\*\*\*5678/ },
    { text: '身份证11010519491231002X', hold: false, words: [], masked: /110105\*{8}002X/ },
    { text: '这是内部资料', hold: true, words: [] },
  ];
  for (const c of cases) {
    const r = screenText(c.text, lists);
    assert.equal(r.hold, c.hold, c.text);
    assert.deepEqual(
      r.words.map((w) => [w.word, w.allowedBy != null]),
      c.words,
      c.text,
    );
    for (const w of r.words) assert.match(w.why, w.allowedBy ? /已放行/ : /敏感词表第\d+项/);
    if (c.masked) assert.match(r.masked, c.masked, c.text);
  }
});

test('time rules: 3-month mark, alarm window, reopen window', () => {
  assert.equal(addMonths('2026-11-30', 3), '2027-02-28');
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(threeMonthMark('2026-09-08'), '2026-12-08');
  const rows: [string, string, number, boolean][] = [
    ['2026-09-08', '2026-11-23', 14, false],
    ['2026-09-08', '2026-11-24', 14, true],
    ['2026-09-08', '2027-01-01', 14, true],
    ['2026-10-01', '2026-12-01', 14, false],
  ];
  for (const [received, today, before, near] of rows)
    assert.equal(isNearThreeMonths(received, today, before), near, `${received} ${today}`);
  assert.equal(reopenUntil('2026-03-02', 7), '2026-03-09');
});

test('routing: the citizen’s choice, then topic + village, then topic', () => {
  const rules = [
    { id: 1, topic: '农业农村', villageId: null, officeId: 10 },
    { id: 2, topic: '农业农村', villageId: 5, officeId: 11 },
  ];
  assert.equal(suggestOffice(rules, { topic: '农业农村', villageId: null, officeChosenId: 99 }).officeId, 99);
  assert.equal(suggestOffice(rules, { topic: '农业农村', villageId: 5, officeChosenId: null }).officeId, 11);
  assert.equal(suggestOffice(rules, { topic: '农业农村', villageId: 6, officeChosenId: null }).officeId, 10);
  assert.equal(suggestOffice(rules, { topic: '教育', villageId: null, officeChosenId: null }).officeId, null);
});

test('figures: merged apart, unrated is not resolved, overdue open and late, rates and mean', () => {
  const cal = new WorkCalendar({ years: [] });
  const row = (o: Partial<FigureRow>): FigureRow => ({
    officeId: 1,
    receivedOn: '2026-03-02',
    status: 'answered',
    mergedIntoId: null,
    dueOn: '2026-03-09',
    firstRepliedOn: '2026-03-04',
    firstOnTime: true,
    rating: null,
    ...o,
  });
  const rows = [
    row({ rating: 'satisfied' }),
    row({ rating: 'dissatisfied', firstRepliedOn: '2026-03-11', firstOnTime: false }),
    row({}),
    row({ status: 'merged', mergedIntoId: 1, firstRepliedOn: null, firstOnTime: null }),
    row({ status: 'in_progress', firstRepliedOn: null, firstOnTime: null }),
    row({ receivedOn: '2026-04-01' }),
  ];
  const { total } = monthlyFigures(rows, '2026-03', '2026-03-20', cal);
  assert.equal(total.received, 4);
  assert.equal(total.merged, 1);
  assert.equal(total.answered, 3);
  assert.equal(total.onTime, 2);
  assert.equal(total.overdue, 2, 'one answered late, one open past due');
  assert.equal(total.resolved, 1);
  assert.equal(total.resolvedRate, 33.3);
  assert.equal(total.satisfactionRate, 50);
  assert.equal(total.replyRate, 75);
  assert.deepEqual(monthsBetween('2025-11', '2026-02'), ['2025-11', '2025-12', '2026-01', '2026-02']);
  assert.equal(previousMonth('2026-01-01'), '2025-12');
});

test('policy matrix: who may do what (default deny)', () => {
  const scope: InquiryScope = { agencyId: 1, ancestorIds: [9], officeId: 20, transferToOfficeId: 30 };
  const user = (roles: Role[], officeId: number | null = null, agencyId = 1): Actor => ({
    kind: 'user',
    userId: 1,
    name: 'x',
    agencyId,
    officeId,
    villageId: null,
    roles,
  });
  const actors: [string, Actor][] = [
    ['clerk', user(['clerk'], 5)],
    ['drafter of the office', user(['drafter'], 20)],
    ['drafter elsewhere', user(['drafter'], 21)],
    ['head of the office', user(['office_head'], 20)],
    ['head of the receiving office', user(['office_head'], 30)],
    ['deputy leader', user(['deputy_leader'])],
    ['admin', user(['admin'])],
    ['liaison', user(['liaison'], 20)],
    ['inspector above', user(['inspector'], null, 9)],
    ['clerk of another agency', user(['clerk'], 5, 2)],
    ['public', { kind: 'public' }],
  ];
  const expected: Record<string, Partial<Record<InquiryPolicyAction, boolean>>> = {
    clerk: { view: true, manage: true, handle: true, manageSettings: true },
    'drafter of the office': { view: true, handle: true },
    'drafter elsewhere': { view: true },
    'head of the office': { view: true, handle: true, approve: true },
    'head of the receiving office': { view: true, acceptTransfer: true },
    'deputy leader': { view: true, approve: true, acceptTransfer: true },
    admin: { view: true, manageSettings: true },
    liaison: {},
    'inspector above': { view: true },
    'clerk of another agency': {},
    public: {},
  };
  for (const [name, actor] of actors)
    for (const action of Object.keys(inquiryPolicy) as InquiryPolicyAction[])
      assert.equal(
        inquiryPolicy[action](actor, scope),
        expected[name]![action] ?? false,
        `${name} ${action}`,
      );
});
