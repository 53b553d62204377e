import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeEachDialect } from '../../test/support/db.ts';
import {
  ctxAs,
  fixedClock,
  makeAgency,
  makeOffice,
  makeUser,
  systemCtx,
  userActor,
} from '../../test/support/factories.ts';
import { rosterDocx } from '../../test/support/roster-files.ts';
import { diskStore } from '../storage/disk-store.ts';
import { seedCalendar } from '../calendar/seed-calendar.ts';
import { ensureCatalogue } from './seed-catalogue.ts';
import { createPublication } from './save-publication.ts';
import { addAttachments } from './add-attachment.ts';
import { reviewPublication } from './review-publication.ts';
import { publishPublication } from './publish-publication.ts';
import { findCategoryByCode, getPublication, listAttachments } from './publications.queries.ts';
import { attachmentBlocked } from './publication-scan.ts';
import { rescanAttachments } from './rescan-attachments.ts';

describeEachDialect('gongkai attachments rescan', (t) => {
  it('reads old attachments once, resumably; a published roster is stopped and the clerks are told', async () => {
    const { db } = t();
    const clock = fixedClock('2025-03-03T02:00:00Z');
    await seedCalendar(systemCtx(db, clock));
    const agency = await makeAgency(db);
    const office = await makeOffice(db, agency.id);
    const drafter = await makeUser(db, agency.id, ['drafter'], { officeId: office });
    const head = await makeUser(db, agency.id, ['office_head'], { officeId: office });
    const deputy = await makeUser(db, agency.id, ['deputy_leader']);
    const clerk = await makeUser(db, agency.id, ['clerk']);
    await ensureCatalogue(systemCtx(db, clock), agency.id);
    const as = (u: typeof drafter) => ctxAs(db, userActor(u), clock);
    const cat = (await findCategoryByCode(db, agency.id, 'notices'))!;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-rescan-'));
    const files = diskStore(path.join(dir, 'uploads'));
    const id = await createPublication(as(drafter), {
      categoryId: String(cat.id),
      title: '2025年临时救助对象公示',
      issuer: '测试乡人民政府',
      body: '现将2025年临时救助对象予以公示，名单见附件。',
      attribute: 'proactive',
      formedOn: '2025-03-03',
    });
    await addAttachments(as(drafter), files, id, [
      { name: '说明.txt', bytes: new Uint8Array(Buffer.from('公示期七天。')) },
    ]);
    const v = async () => String((await getPublication(db, id)).version);
    await reviewPublication(as(drafter), id, { step: 'first_review', action: 'approve', version: await v() });
    await reviewPublication(as(head), id, {
      step: 'second_review',
      action: 'approve',
      secrecyConfirmed: '1',
      version: await v(),
    });
    await reviewPublication(as(deputy), id, { step: 'final_review', action: 'approve', version: await v() });
    await publishPublication(as(clerk), id, Number(await v()));

    // As an installation from before the attachment scan: a roster went out with no reading recorded.
    const [att] = await listAttachments(db, id);
    const docx = await rosterDocx();
    await fs.writeFile(path.join(dir, 'uploads', att!.storageKey), docx);
    await db
      .updateTable('publication_attachments')
      .set({ file_name: '花名册.docx', text: null, text_status: null })
      .where('id', '=', att!.id)
      .execute();
    assert.equal(await attachmentBlocked(db, id, att!.id), false);

    const r = await rescanAttachments(db, files, () => clock.now());
    assert.equal(r.read, 1);
    assert.equal(r.flagged.length, 1);
    assert.match(r.flagged[0]!.reason, /身份证/);
    assert.equal(await attachmentBlocked(db, id, att!.id), true);
    const told = await db
      .selectFrom('notifications')
      .select(['title'])
      .where('user_id', '=', clerk.id)
      .where('kind', '=', 'publication.attachment_hit')
      .execute();
    assert.equal(told.length, 1);
    // Resumable: nothing is left to read, nothing is told twice.
    const again = await rescanAttachments(db, files, () => clock.now());
    assert.deepEqual(again, { read: 0, unreadable: 0, missing: 0, flagged: [] });
    await fs.rm(dir, { recursive: true, force: true });
  });
});
