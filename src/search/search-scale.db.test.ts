import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { makeAgency } from '../../test/support/factories.ts';
import { indexDocument, searchDocuments } from './search-index.ts';

// Counts must be exact however many documents match: compare with what was indexed.
describeEachDialect('search: exact totals over a few thousand documents', (t) => {
  test('total and first page agree with the indexed truth for frequent, rare and absent words', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const words = ['宅基地审核', '春耕补贴', '安全生产', '森林防火'];
    const truth = new Map<string, number>(words.map((w) => [w, 0]));
    const truthPublic = new Map<string, number>(words.map((w) => [w, 0]));
    await db.transaction().execute(async (trx) => {
      for (let i = 0; i < 2000; i++) {
        const w = words[i % 7 === 0 ? 0 : i % 3 === 0 ? 1 : i % 5 === 0 ? 2 : 3]!;
        truth.set(w, truth.get(w)! + 1);
        if (i % 10 !== 0) truthPublic.set(w, truthPublic.get(w)! + 1);
        await indexDocument(trx, {
          kind: 'publication',
          refId: i + 1,
          agencyId: agency.id,
          isPublic: i % 10 !== 0,
          title: `关于${w}工作的通知（第${i}号）`,
          body: `各村：现将${w}有关事项通知如下。`,
          url: `/office/x/${i}`,
          year: 2026,
        });
      }
    });
    for (const w of words) {
      const all = await searchDocuments(db, { q: w, agencyIds: [agency.id], publicOnly: false });
      assert.equal(all.total, truth.get(w), w);
      assert.equal(all.hits.length, Math.min(20, truth.get(w)!));
      assert.ok(
        all.hits.every((h) =>
          h.title
            .map((x) => x.text)
            .join('')
            .includes(w),
        ),
        w,
      );
      const pub = await searchDocuments(db, { q: w, agencyIds: [agency.id], publicOnly: true });
      assert.equal(pub.total, truthPublic.get(w), `${w} (public)`);
    }
    const none = await searchDocuments(db, { q: '不存在的词语', agencyIds: [agency.id], publicOnly: false });
    assert.equal(none.total, 0);
  });
});
