import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp } from '../../test/support/http.ts';
import { loadDemoForTest } from '../../test/support/demo.ts';
import { systemClock } from '../clock.ts';
import { findAgencyByCode } from '../org/org.queries.ts';
import { pdfToRows } from '../annual-report/read-pdf.ts';

describeEachDialect('web: the printed board sheet carries the public address (#14)', (t) => {
  test('the QR code and its printed address use GONGKAI_PUBLIC_URL, not the host the clerk reached the office by', async () => {
    const { db } = t();
    const { account } = await loadDemoForTest(db);
    const town = (await findAgencyByCode(db, '630223-HLZG'))!;
    const item = await db
      .selectFrom('village_disclosures')
      .select('id')
      .where('agency_id', '=', town.id)
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const clerk = testApp(db, systemClock, { GONGKAI_PUBLIC_URL: 'https://xxgk.example.gov.cn' }).client();
    await clerk.signIn('clerk', account('clerk').password);
    // The clerk is on the township's intranet address.
    const res = await clerk.get(`/office/villages/items/${item.id}/board.pdf?size=A4`, {
      host: '10.0.0.5:3000',
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    const text = (await pdfToRows(new Uint8Array(await res.arrayBuffer())))
      .map((r) => r.cells.join(''))
      .join('\n');
    assert.match(text, new RegExp(`网上查看：https://xxgk\\.example\\.gov\\.cn/villages/items/${item.id}`));
    assert.doesNotMatch(text, /10\.0\.0\.5|localhost/);
  });
});
