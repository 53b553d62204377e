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

describeEachDialect('search: every word, else any of them', (t) => {
  test('a query whose words never meet finds the items with any of them (relaxed), on every page', async () => {
    const { db } = t();
    const agency = await makeAgency(db);
    const bodies = [
      ...Array(25).fill('低保对象名单'),
      ...Array(5).fill('春耕补贴发放'),
      '低保和春耕补贴一并公示',
    ];
    await db.transaction().execute(async (trx) => {
      for (const [i, body] of bodies.entries())
        await indexDocument(trx, {
          kind: 'publication',
          refId: i + 1,
          agencyId: agency.id,
          isPublic: true,
          title: `通知${i + 1}`,
          body,
          url: `/office/x/${i + 1}`,
        });
    });
    const q = { agencyIds: [agency.id], publicOnly: true };
    // Both words in one item: that item only, not relaxed.
    const both = await searchDocuments(db, { ...q, q: '低保 春耕' });
    assert.deepEqual([both.total, both.relaxed, both.hits.length], [1, false, 1]);
    // 低保 and 发放 never meet: every item with either (25 + 1 with 低保, 5 with 发放), on two pages.
    const first = await searchDocuments(db, { ...q, q: '低保 发放' });
    assert.deepEqual([first.total, first.relaxed, first.hits.length], [31, true, 20]);
    const second = await searchDocuments(db, { ...q, q: '低保 发放', offset: 20 });
    assert.deepEqual([second.total, second.relaxed, second.hits.length], [31, true, 11]);
    const ids = new Set([...first.hits, ...second.hits].map((h) => h.refId));
    assert.equal(ids.size, 31);
    // Past the last page of a query with matches: no hits, the true total, not relaxed.
    const past = await searchDocuments(db, { ...q, q: '低保 春耕', offset: 20 });
    assert.deepEqual([past.total, past.relaxed, past.hits.length], [1, false, 0]);
    // One word: never relaxed.
    const none = await searchDocuments(db, { ...q, q: '宅基地' });
    assert.deepEqual([none.total, none.relaxed], [0, false]);
  });
});
