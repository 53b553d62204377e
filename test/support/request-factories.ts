/** Factories for 依申请公开 tests: a township with its disclosure office, and a typical applicant. */
import type { Db } from '../../src/db/database.ts';
import type { Clock } from '../../src/clock.ts';
import { seedCalendar } from '../../src/calendar/seed-calendar.ts';
import { setDisclosureOffice } from '../../src/org/manage-agency.ts';
import { ctxAs, makeAgency, makeOffice, makeUser, systemCtx, userActor } from './factories.ts';
import { registerRequest } from '../../src/requests/register-request.ts';
import { startConsultation } from '../../src/requests/start-consultation.ts';
import { endConsultation } from '../../src/requests/end-consultation.ts';

/** A natural person's online request (valid ID number with its checksum). */
export const PERSON = {
  applicantKind: 'natural_person',
  applicantName: '马福祥',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800000000',
  address: '青海省海东市互助土族自治县哈拉直沟乡哈拉直沟村',
  infoDescription: '2025年哈拉直沟村高标准农田建设项目的验收报告',
  formRequested: 'paper',
  deliveryRequested: 'post',
};

/** A township with a disclosure office, its clerk and the office head (and another office's head). */
export async function township(db: Db, clock: Clock) {
  await seedCalendar(systemCtx(db, clock));
  const agency = await makeAgency(db);
  const office = await makeOffice(db, agency.id, '党政综合办公室');
  await setDisclosureOffice(systemCtx(db), agency.id, office);
  const clerk = await makeUser(db, agency.id, ['clerk'], { officeId: office });
  const head = await makeUser(db, agency.id, ['office_head'], { officeId: office });
  const otherHead = await makeUser(db, agency.id, ['office_head']);
  return {
    agency: { ...agency, disclosureOfficeId: office },
    clerk: ctxAs(db, userActor(clerk), clock),
    head: ctxAs(db, userActor(head), clock),
    otherHead: ctxAs(db, userActor(otherHead), clock),
  };
}

/**
 * A request received in person on 2026-03-02 whose third party (某建设公司), consulted on 03-04, objected on 03-10
 * (the clock is left at 2026-03-10).
 */
export async function thirdPartyObjected(db: Db, clock: Clock & { set(iso: string): void }) {
  clock.set('2026-03-02T02:00:00Z');
  const t = await township(db, clock);
  const request = await registerRequest(t.clerk, t.agency.id, {
    ...PERSON,
    channel: 'in_person',
    submittedOn: '2026-03-02',
  });
  clock.set('2026-03-04T02:00:00Z');
  await startConsultation(t.clerk, request.id, {
    kind: 'third_party',
    party: '某建设公司',
    matter: '是否同意公开验收报告',
    sentOn: '2026-03-04',
  });
  const c = await db
    .selectFrom('request_consultations')
    .select('id')
    .where('request_id', '=', request.id)
    .executeTakeFirstOrThrow();
  clock.set('2026-03-10T02:00:00Z');
  await endConsultation(t.clerk, request.id, {
    consultationId: c.id,
    answeredOn: '2026-03-10',
    answer: 'object',
    note: '涉及商业秘密',
  });
  return { ...t, request, consultationId: c.id };
}
