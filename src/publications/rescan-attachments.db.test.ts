import { it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeEachDialect } from '../../test/support/db.ts';
import {
  fixedClock,
  makeDraftPublication,
  makePublicationDesk,
  signReview,
} from '../../test/support/factories.ts';
import { rosterDocx } from '../../test/support/roster-files.ts';
import { diskStore } from '../storage/disk-store.ts';
import { addAttachments } from './add-attachment.ts';
import { publishPublication } from './publish-publication.ts';
import { getPublication, listAttachments } from './publications.queries.ts';
import { attachmentBlocked } from './publication-scan.ts';
import { rescanAttachments } from './rescan-attachments.ts';

describeEachDialect('gongkai attachments rescan', (t) => {
  it('reads old attachments once, resumably; a published roster is stopped and the clerks are told', async () => {
    const { db } = t();
    const clock = fixedClock('2025-03-03T02:00:00Z');
    const desk = await makePublicationDesk(db, clock);
    const { drafter, clerk, as } = desk;
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-rescan-'));
    const files = diskStore(path.join(dir, 'uploads'));
    const id = await makeDraftPublication(desk, {
      title: '2025年临时救助对象公示',
      body: '现将2025年临时救助对象予以公示，名单见附件。',
    });
    await addAttachments(as(drafter), files, id, [
      { name: '说明.txt', bytes: new Uint8Array(Buffer.from('公示期七天。')) },
    ]);
    for (const step of ['first_review', 'second_review', 'final_review'] as const)
      await signReview(desk, id, step);
    await publishPublication(as(clerk), id, (await getPublication(db, id)).version);

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
