/**
 * The steps browser journeys share: a township installation to journey through, an office page signed in, the
 * apply form filled, a step panel on a request page submitted, a request tracked with its code.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import type { Db } from '../../src/db/database.ts';
import { setDisclosureOffice } from '../../src/org/manage-agency.ts';
import { HOME_AGENCY_SETTING } from '../../src/org/home-agency.ts';
import { writeSetting } from '../../src/settings/agency-settings.ts';
import { makeAgency, makeOffice, makeUser, systemCtx } from '../../test/support/factories.ts';
import { launchBrowser, signInAs, startTestServer, type RunningApp } from './browser.ts';

export const DESKTOP = { width: 1280, height: 900 };

/** A new page in its own context (so its cookies are its own) on a 360-px touch phone. */
export async function phonePage(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
  });
  return ctx.newPage();
}

/** A new desktop page in its own context, signed in through the real form (the test password by default). */
export async function officePage(
  browser: Browser,
  baseUrl: string,
  username: string,
  password?: string,
): Promise<Page> {
  const page = await (await browser.newContext({ viewport: DESKTOP })).newPage();
  await signInAs(page, baseUrl, username, password);
  return page;
}

/** Mark an agency as the installation's home: the portal's root (/apply, /track) serves it. */
export async function markHome(db: Db, agencyId: number): Promise<void> {
  await writeSetting(db, agencyId, HOME_AGENCY_SETTING, true, new Date());
}

type TestUser = Awaited<ReturnType<typeof makeUser>>;

export interface TownshipJourney {
  app: RunningApp;
  browser: Browser;
  agency: { id: number; code: string };
  /** The disclosure office's clerk and its head. */
  clerk: TestUser;
  head: TestUser;
  close(): Promise<void>;
}

/**
 * The served app over one township (哈拉直沟乡人民政府, the installation's home) whose disclosure office
 * (党政综合办公室) has a clerk and a head, and a browser.
 */
export async function startTownshipJourney(): Promise<TownshipJourney> {
  const app = await startTestServer();
  const db = app.tdb.db;
  const agency = await makeAgency(db, { name: '哈拉直沟乡人民政府' });
  const office = await makeOffice(db, agency.id, '党政综合办公室');
  await setDisclosureOffice(systemCtx(db), agency.id, office);
  const clerk = await makeUser(db, agency.id, ['clerk'], { officeId: office });
  const head = await makeUser(db, agency.id, ['office_head'], { officeId: office });
  await markHome(db, agency.id);
  const browser = await launchBrowser();
  return {
    app,
    browser,
    agency,
    clerk,
    head,
    close: async () => {
      await browser.close();
      await app.close();
    },
  };
}

/** The apply form's fields (the same ids on the portal's form and on the office's 转为依申请公开 form). */
export interface ApplyFields {
  applicantKind?: string;
  applicantName?: string;
  idType?: string;
  idNumber?: string;
  phone?: string;
  address?: string;
  infoDescription?: string;
  formRequested?: string;
  deliveryRequested?: string;
}

const SELECTS = new Set<keyof ApplyFields>(['applicantKind', 'idType', 'formRequested', 'deliveryRequested']);

/** The citizen of the journeys, a natural person with a resident ID card. */
export const APPLICANT = {
  applicantKind: 'natural_person',
  applicantName: '马福祥',
  idType: 'resident_id',
  idNumber: '11010519491231002X',
  phone: '13800000000',
} as const satisfies ApplyFields;

/** Fill (or choose) the given fields of the apply form, in the form's order; fields not given are left as they are. */
export async function fillApplyForm(page: Page, fields: ApplyFields): Promise<void> {
  for (const [name, value] of Object.entries(fields) as [keyof ApplyFields, string | undefined][]) {
    if (value === undefined) continue;
    if (SELECTS.has(name)) await page.selectOption(`#f-${name}`, value);
    else await page.fill(`#f-${name}`, value);
  }
}

/** Open a step's panel on a request page (when folded) and return its form. */
export async function openStepForm(page: Page, action: string): Promise<Locator> {
  const panel = page.locator(`#act-${action}`);
  if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
  return panel.locator('form');
}

/** Open a step's panel on the request page, fill it and submit; wait for the confirmation message. */
export async function submitStep(
  page: Page,
  action: string,
  fill: (form: Locator) => Promise<unknown>,
  done: RegExp,
): Promise<void> {
  const form = await openStepForm(page, action);
  await fill(form);
  await Promise.all([page.waitForLoadState('load'), form.locator('button[type=submit]').click()]);
  await page.locator('.flash', { hasText: done }).waitFor();
}

/** From the office's request ledger, open the request with this reference. */
export async function openRequest(page: Page, baseUrl: string, reference: string): Promise<void> {
  await page.goto(`${baseUrl}/office/requests`);
  await Promise.all([page.waitForLoadState('load'), page.click(`a:has-text("${reference}")`)]);
}

/** On the request page the clerk confirms receipt (by telephone) and asks the applicant for 补正 of these items. */
export async function confirmAndAskCorrection(clerk: Page, items: string): Promise<void> {
  await submitStep(
    clerk,
    'confirm',
    (f) => f.locator('[name=evidence]').fill('电话与申请人确认'),
    /已确认收到申请/,
  );
  await submitStep(clerk, 'correction', (f) => f.locator('[name=items]').fill(items), /补正告知书已出具/);
}

/** The clerk drafts the reply on the request page (outcome, legal basis, reason) and sends it for approval. */
export async function draftReply(
  clerk: Page,
  reply: { outcome: string; basis: string; reason: string },
): Promise<void> {
  await submitStep(
    clerk,
    'decision',
    async (f) => {
      await f.locator('[name=outcome]').selectOption(reply.outcome);
      await f.locator('[name=basis]').fill(reply.basis);
      await f.locator('[name=reason]').fill(reply.reason);
    },
    /答复已提交审批/,
  );
}

/** The approver signs the reply on the clerk's request page; the clerk then records it as delivered online. */
export async function approveAndDeliverOnline(clerk: Page, approver: Page): Promise<void> {
  await approver.goto(clerk.url());
  await submitStep(approver, 'approve', async () => {}, /答复书已出具/);
  await clerk.reload();
  await submitStep(clerk, 'deliver', (f) => f.locator('[name=method]').selectOption('online'), /已登记送达/);
}

/** Open a request's tracking page on the portal's root with its reference (as typed) and tracking code. */
export async function trackRequest(
  page: Page,
  baseUrl: string,
  reference: string,
  code: string,
): Promise<void> {
  await page.goto(`${baseUrl}/track`);
  await page.fill('#f-reference', reference);
  await page.fill('#f-code', code);
  await Promise.all([page.waitForLoadState('load'), page.click('form[action="/track"] button[type=submit]')]);
}

/** On the tracking page the applicant sends the 补正 asked for. */
export async function sendCorrection(page: Page, text: string): Promise<void> {
  await page.fill('#f-correction', text);
  await Promise.all([
    page.waitForLoadState('load'),
    page.click('form[action="/track/correction"] button[type=submit]'),
  ]);
  await page.locator('.flash', { hasText: '补正已提交' }).waitFor();
}
