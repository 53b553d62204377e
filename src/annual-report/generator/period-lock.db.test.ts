// The period lock as the requests and publications use cases apply it (assertReportYearOpen in their transactions).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import {
  ctxAs,
  makeAgency,
  makeOffice,
  makeUser,
  systemCtx,
  userActor,
} from '../../../test/support/factories.ts';
import { fixedClock } from '../../clock.ts';
import { seedCalendar } from '../../calendar/seed-calendar.ts';
import { setDisclosureOffice } from '../../org/manage-agency.ts';
import { registerRequest } from '../../requests/register-request.ts';
import { recordAppeal } from '../../requests/record-appeal.ts';
import { recordDecision } from '../../publications/art20-registers.ts';
import { acknowledgeWarning } from './acknowledge-warning.ts';
import { finaliseReport } from './finalise-report.ts';
import { generateReport } from './generate-report.ts';
import { reopenReport } from './reopen-report.ts';
import { writePassages } from './testing/write-passages.ts';
import { fingerprintOf } from './report.ts';

const PERSON = {
  applicantKind: 'natural_person',
  applicantName: '马福祥',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800000000',
  infoDescription: '2025年哈拉直沟村高标准农田建设项目的验收报告',
  formRequested: 'paper',
  deliveryRequested: 'post',
  channel: 'in_person',
};
const locked = (e: { code?: string; message: string }) =>
  e.code === 'invalid_state' && /2026年度.*已定稿/.test(e.message);

describeEachDialect('period lock in the requests and publications use cases', (t) => {
  test('a finalised 2026 refuses 2026 receipts, cases and registers; 2027 stays open; reopening unlocks', async () => {
    const { db } = t();
    const clock = fixedClock('2027-01-15T02:00:00Z');
    await seedCalendar(systemCtx(db, clock));
    const agency = await makeAgency(db);
    const office = await makeOffice(db, agency.id, '党政综合办公室');
    await setDisclosureOffice(systemCtx(db), agency.id, office);
    const clerkUser = await makeUser(db, agency.id, ['clerk'], { officeId: office });
    const principal = await makeUser(db, agency.id, ['principal_leader']);
    const clerk = ctxAs(db, userActor(clerkUser), clock);

    let report = await generateReport(clerk, { agencyId: agency.id, year: 2026 });
    // The passages left to write (【待填写】) are written first: a report holding them cannot be finalised.
    report = await writePassages(clerk, report);
    for (const w of report.findings.filter((f) => f.severity === 'warning'))
      await acknowledgeWarning(clerk, report.id, { fingerprint: fingerprintOf(w), reason: '测试：已核实' });
    report = await finaliseReport(clerk, report.id, { approverName: '祁德明' });

    await assert.rejects(registerRequest(clerk, agency.id, { ...PERSON, submittedOn: '2026-12-30' }), locked);
    await registerRequest(clerk, agency.id, { ...PERSON, submittedOn: '2027-01-05' });
    await assert.rejects(
      recordAppeal(clerk, agency.id, { kind: 'review', filedOn: '2026-12-01', body: '测试县人民政府' }),
      locked,
    );
    await assert.rejects(
      recordDecision(clerk, agency.id, { year: '2026', kind: 'administrative_penalty', count: '1' }),
      locked,
    );
    await recordDecision(clerk, agency.id, { year: '2027', kind: 'administrative_penalty', count: '1' });

    await reopenReport(ctxAs(db, userActor(principal), clock), report.id, {
      reason: '补登2026年12月30日当面申请',
    });
    await registerRequest(clerk, agency.id, {
      ...PERSON,
      infoDescription: '另一项信息',
      submittedOn: '2026-12-30',
    });
  });
});

describeEachDialect('finalising waits for the year to end', (t) => {
  test('on 1 December 2026 (Beijing) the 2026 report cannot be finalised; on 1 January 2027 it can', async () => {
    const { db } = t();
    const dec = fixedClock('2026-12-31T15:59:00Z'); // 23:59 on 31 December in Beijing
    await seedCalendar(systemCtx(db, dec));
    const agency = await makeAgency(db);
    const clerkUser = await makeUser(db, agency.id, ['clerk']);
    const clerk = ctxAs(db, userActor(clerkUser), dec);
    let report = await generateReport(clerk, { agencyId: agency.id, year: 2026 });
    report = await writePassages(clerk, report);
    for (const w of report.findings.filter((f) => f.severity === 'warning'))
      await acknowledgeWarning(clerk, report.id, { fingerprint: fingerprintOf(w), reason: '测试：已核实' });
    await assert.rejects(
      finaliseReport(clerk, report.id, { approverName: '祁德明' }),
      (e: { code?: string; message: string }) =>
        e.code === 'invalid_state' && /2026年尚未结束，年度报告须在2027年1月1日以后定稿/.test(e.message),
    );
    // Nothing was locked: a request received that day is still registered.
    await registerRequest(clerk, agency.id, { ...PERSON, submittedOn: '2026-12-31' });
    const jan = ctxAs(db, userActor(clerkUser), fixedClock('2026-12-31T16:00:00Z')); // 00:00 on 1 January
    report = await generateReport(jan, { agencyId: agency.id, year: 2026 });
    report = await writePassages(jan, report);
    for (const w of report.findings.filter((f) => f.severity === 'warning'))
      await acknowledgeWarning(jan, report.id, { fingerprint: fingerprintOf(w), reason: '测试：已核实' });
    report = await finaliseReport(jan, report.id, { approverName: '祁德明' });
    assert.equal(report.status, 'finalised');
  });
});
