import { it } from 'node:test';
import { diskStore } from '../storage/disk-store.ts';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describeEachDialect } from '../../test/support/db.ts';
import { fixedClock, makeDraftPublication, makePublicationDesk } from '../../test/support/factories.ts';
import {
  ROSTER,
  pngBytes,
  rosterDocx,
  rosterXlsx,
  scannedPdf,
  zipBombDocx,
} from '../../test/support/roster-files.ts';
import { isDomainError } from '../errors.ts';
import { addAttachments, removeAttachment } from './add-attachment.ts';
import { reviewPublication } from './review-publication.ts';
import { publishPublication } from './publish-publication.ts';
import { getPublication, listAttachments } from './publications.queries.ts';
import { attachmentBlocked, scanPublication } from './publication-scan.ts';
import { searchDocuments } from '../search/search-index.ts';
import type { Db } from '../db/database.ts';

async function setup(db: Db) {
  const desk = await makePublicationDesk(db, fixedClock('2025-03-03T02:00:00Z'));
  const { agency, drafter, head, deputy, clerk, as } = desk;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'gongkai-att-'));
  const id = await makeDraftPublication(desk, {
    title: '2025年大病救助对象公示',
    body: '经村级评议、乡级审核，现将2025年大病救助对象予以公示，名单见附件。',
  });
  const version = async () => String((await getPublication(db, id)).version);
  const files = diskStore(path.join(dataDir, 'uploads'));
  return { agency, drafter, head, deputy, clerk, as, dataDir, files, id, version };
}

async function rejects(p: Promise<unknown>, code: string, re: RegExp) {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(isDomainError(e), String(e));
    assert.equal(e.code, code, e.message);
    assert.match(e.message, re);
    return true;
  });
}

describeEachDialect('secrecy scan of attachments', (t) => {
  for (const [kind, make] of [
    ['DOCX', rosterDocx],
    ['XLSX', rosterXlsx],
  ] as const)
    it(`a ${kind} roster with 身份证号 cannot be submitted, signed or published, and never reaches the index`, async () => {
      const db = t().db;
      const s = await setup(db);
      await addAttachments(s.as(s.drafter), s.files, s.id, [
        { name: `花名册.${kind.toLowerCase()}`, bytes: await make() },
      ]);
      const scan = await scanPublication(db, await getPublication(db, s.id));
      assert.equal(scan.unreadable.length, 0);
      const kinds = new Set(scan.attachments[0]!.hits.map((h) => h.kind));
      for (const k of ['id_card', 'mobile', 'landline', 'health']) assert.ok(kinds.has(k as never), k);
      assert.equal(scan.blocking.filter((b) => b.hit.kind === 'id_card').length, ROSTER.length);

      // The drafter's own submission is refused, citing the article.
      await rejects(
        reviewPublication(s.as(s.drafter), s.id, {
          step: 'first_review',
          action: 'approve',
          version: await s.version(),
        }),
        'validation',
        /不能提交审核：附件“花名册\.\w+”含身份证号3处，依据《政府信息公开条例》第十五条（个人隐私不得公开），不能公开/,
      );
      // The index holds the masked form only: neither the public nor staff search finds the ID number.
      for (const publicOnly of [true, false]) {
        const r = await searchDocuments(db, { q: ROSTER[0]!.id, publicOnly, agencyIds: [s.agency.id] });
        assert.equal(r.total, 0);
      }
      const rows = await db.selectFrom('search_documents').select(['tokens', 'body']).execute();
      for (const row of rows)
        for (const r of ROSTER) {
          assert.ok(!row.tokens.includes(r.id), 'tokens hold an ID number');
          assert.ok(!row.tokens.includes(r.mobile), 'tokens hold a mobile number');
        }
      assert.equal(await attachmentBlocked(db, s.id, (await listAttachments(db, s.id))[0]!.id), true);

      // Forced past the review (as an old installation could have it: approved, secrecy signed), publishing is refused.
      await db
        .updateTable('publications')
        .set({
          status: 'approved',
          secrecy_signed_by: s.head.id,
          secrecy_signed_name: '测试',
          secrecy_signed_at: '2025-03-03T03:00:00Z',
        })
        .where('id', '=', s.id)
        .execute();
      await db
        .insertInto('publication_reviews')
        .values(
          (['first_review', 'second_review', 'final_review'] as const).map((step, i) => ({
            publication_id: s.id,
            round: 1,
            step,
            action: 'approve',
            reason: null,
            user_id: [s.drafter.id, s.head.id, s.deputy.id][i]!,
            user_name: '测试',
            signed_at: '2025-03-03T03:00:00Z',
          })),
        )
        .execute();
      await db.updateTable('publications').set({ review_round: 1 }).where('id', '=', s.id).execute();
      await rejects(
        publishPublication(s.as(s.clerk), s.id, Number(await s.version())),
        'invalid_state',
        /不能发布：附件“花名册\.\w+”含身份证号3处.*第十五条.*健康信息.*个人信息保护法》第二十八条/,
      );
      assert.equal((await getPublication(db, s.id)).status, 'approved');
    });

  it('a clean item passes; unreadable attachments are named and must be checked by hand at the secrecy step', async () => {
    const db = t().db;
    const s = await setup(db);
    await addAttachments(s.as(s.drafter), s.files, s.id, [
      { name: '现场照片.png', bytes: pngBytes() },
      { name: '扫描件.pdf', bytes: await scannedPdf() },
      { name: '说明.txt', bytes: new TextEncoder().encode('公示期为7天，联系电话：乡民政办0972-8321000。') },
    ]);
    const scan = await scanPublication(db, await getPublication(db, s.id));
    assert.deepEqual(
      scan.unreadable.map((a) => [a.fileName, a.problem]),
      [
        ['现场照片.png', '图片，无法读取其中的文字'],
        ['扫描件.pdf', 'PDF 没有文字层（可能是扫描件），无法读取其中的文字'],
      ],
    );
    // An office's published landline is not a hit.
    assert.deepEqual(scan.attachments[2]!.hits, []);
    await reviewPublication(s.as(s.drafter), s.id, {
      step: 'first_review',
      action: 'approve',
      version: await s.version(),
    });
    await rejects(
      reviewPublication(s.as(s.head), s.id, {
        step: 'second_review',
        action: 'approve',
        secrecyConfirmed: '1',
        version: await s.version(),
      }),
      'validation',
      /无法自动读取，须人工逐页核对.*“现场照片\.png”（图片.*“扫描件\.pdf”/,
    );
    await reviewPublication(s.as(s.head), s.id, {
      step: 'second_review',
      action: 'approve',
      secrecyConfirmed: '1',
      unreadableChecked: '1',
      version: await s.version(),
    });
    await reviewPublication(s.as(s.deputy), s.id, {
      step: 'final_review',
      action: 'approve',
      version: await s.version(),
    });
    const r = await publishPublication(s.as(s.clerk), s.id, Number(await s.version()));
    assert.ok(r.indexNo);
  });

  it('a zip bomb is refused at upload (src/documents/zip-guard.ts), and removing the roster clears the block', async () => {
    const db = t().db;
    const s = await setup(db);
    await assert.rejects(
      addAttachments(s.as(s.drafter), s.files, s.id, [{ name: '炸弹.docx', bytes: zipBombDocx() }]),
      /压缩比异常|恶意构造的压缩文件/,
    );
    assert.equal((await listAttachments(db, s.id)).length, 0, 'nothing of it is kept');
    await addAttachments(s.as(s.drafter), s.files, s.id, [
      { name: '花名册.docx', bytes: await rosterDocx() },
    ]);
    let scan = await scanPublication(db, await getPublication(db, s.id));
    assert.ok(scan.blocking.length > 0);
    const roster = (await listAttachments(db, s.id)).find((a) => a.fileName === '花名册.docx')!;
    await removeAttachment(s.as(s.drafter), s.files, s.id, roster.id);
    scan = await scanPublication(db, await getPublication(db, s.id));
    assert.equal(scan.blocking.length, 0);
    await reviewPublication(s.as(s.drafter), s.id, {
      step: 'first_review',
      action: 'approve',
      version: await s.version(),
    });
    assert.equal((await getPublication(db, s.id)).status, 'in_review');
  });
});
