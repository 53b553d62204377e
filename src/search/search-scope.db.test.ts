import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency } from '../../test/support/factories.ts';
import { indexDocument, searchDocuments, type SearchDocumentInput } from './search-index.ts';

const doc = (refId: number, agencyId: number, isPublic: boolean, title: string): SearchDocumentInput => ({
  kind: 'publication',
  refId,
  agencyId,
  isPublic,
  title,
  body: `${title}。各村：现将有关事项通知如下。`,
  url: `/office/publications/${refId}`,
  publicUrl: `/p/${refId}`,
  year: 2026,
  datedOn: `2026-03-${String(10 + (refId % 20)).padStart(2, '0')}`,
});

const refs = (r: Awaited<ReturnType<typeof searchDocuments>>) => r.hits.map((h) => h.refId);

// A public search of one agency (a column's portal search) matches that agency's scoped lexemes on PostgreSQL
// (migration 2026_12_07_0100); a list of agencies matches the plain ones and filters. Both must find the same
// documents in the same order, and the scoped lexemes must follow a document that changes agency or visibility.
describeEachDialect('search: one agency’s public search', (t) => {
  test('finds the agency’s public documents only, as the list search does, and follows re-indexing', async () => {
    const { db, dialect } = t();
    const a = await makeAgency(db);
    const b = await makeAgency(db);
    await db.transaction().execute(async (trx) => {
      await indexDocument(trx, doc(1, a.id, true, '关于春耕补贴发放的通知'));
      await indexDocument(trx, doc(2, b.id, true, '关于春耕补贴发放的通知'));
      await indexDocument(trx, doc(3, a.id, false, '关于春耕补贴发放的通知（草稿）'));
      await indexDocument(trx, doc(4, a.id, true, '森林防火工作安排'));
      for (let i = 0; i < 30; i++)
        await indexDocument(trx, doc(100 + i, a.id, true, `春耕生产第${i}次调度会`));
    });
    const one = (q: string, id = a.id) => searchDocuments(db, { q, agencyIds: [id], publicOnly: true });
    // Two ids, one of which has no documents: the list path over the same documents.
    const list = (q: string, id = a.id) =>
      searchDocuments(db, { q, agencyIds: [id, 999_999], publicOnly: true });

    assert.deepEqual(refs(await one('春耕补贴')), [1]);
    assert.deepEqual(refs(await one('春耕补贴', b.id)), [2]);
    assert.deepEqual(
      refs(await searchDocuments(db, { q: '春耕补贴', agencyIds: [a.id], publicOnly: false })).sort(),
      [1, 3],
      'the office search sees the draft',
    );
    assert.deepEqual(
      refs(await searchDocuments(db, { q: '春耕补贴', agencyIds: [a.id, b.id], publicOnly: true })).sort(),
      [1, 2],
    );
    // Every shape of query: a word, two words, a one-character prefix, a relaxed two-word query, a later page.
    for (const q of ['春耕', '春耕 补贴', '春', '春耕 不存在的词', '防火', '调度会', '不存在的词']) {
      const [x, y] = [await one(q), await list(q)];
      assert.deepEqual(
        { refs: refs(x), total: x.total, relaxed: x.relaxed },
        { refs: refs(y), total: y.total, relaxed: y.relaxed },
        q,
      );
    }
    const page2 = await searchDocuments(db, { q: '春耕', agencyIds: [a.id], publicOnly: true, offset: 20 });
    const page2List = await searchDocuments(db, {
      q: '春耕',
      agencyIds: [a.id, 999_999],
      publicOnly: true,
      offset: 20,
    });
    assert.deepEqual(refs(page2), refs(page2List));
    assert.equal(page2.total, 31);
    assert.equal((await one('春耕 不存在的词')).relaxed, true);

    // Withdrawn (no longer public): gone from the portal search at once.
    await db
      .transaction()
      .execute((trx) => indexDocument(trx, doc(1, a.id, false, '关于春耕补贴发放的通知')));
    assert.deepEqual(refs(await one('补贴发放')), []);
    // Moved to the other agency and public again: found there, not here.
    await db.transaction().execute((trx) => indexDocument(trx, doc(1, b.id, true, '关于春耕补贴发放的通知')));
    assert.deepEqual(refs(await one('补贴发放')), []);
    assert.deepEqual(refs(await one('补贴发放', b.id)).sort(), [1, 2]);

    if (dialect === 'postgres') {
      // The vector holds scoped lexemes for public documents only.
      const r = await sql<{ ref_id: number; scoped: boolean }>`select ref_id,
        tsv @@ cast(${`'${a.id}@春耕'`} as tsquery) or tsv @@ cast(${`'${b.id}@春耕'`} as tsquery) as scoped
        from search_documents where ref_id in (1, 3) order by ref_id`.execute(db);
      assert.deepEqual(
        r.rows.map((x) => [Number(x.ref_id), x.scoped]),
        [
          [1, true],
          [3, false],
        ],
      );
    }
  });
});
