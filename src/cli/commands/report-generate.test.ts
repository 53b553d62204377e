import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setCliDatabase } from '../open-db.ts';
import type { Db } from '../../db/database.ts';
import { describeEachDialect, targetOf } from '../../../test/support/db.ts';
import { cli } from '../../../test/support/cli.ts';
import { fixedClock } from '../../clock.ts';
import { makeAgency, makeUser, ctxAs, userActor } from '../../../test/support/factories.ts';
import {
  insertRequest,
  insertYearOfPublications,
  insertYearOfRequests,
} from '../../annual-report/generator/testing/year-of-data.ts';
import { parseReport, checkReport } from '../../annual-report/index.ts';
import { seedCalendar } from '../../calendar/seed-calendar.ts';
import { systemCtx } from '../../../test/support/factories.ts';

const clock = fixedClock('2027-01-12T02:00:00Z');
let dir = '';
let db: Db;
let townCode = '';
let countyCode = '';
describeEachDialect('CLI: report generate, status and checks', (t) => {
  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-report-'));
    db = t().db;
    await seedCalendar(systemCtx(db, clock));
    const town = await makeAgency(db);
    townCode = town.code;
    countyCode = (
      await db
        .selectFrom('agencies')
        .select('code')
        .where('id', '=', town.parentId!)
        .executeTakeFirstOrThrow()
    ).code;
    const clerk = await makeUser(db, town.id, ['clerk']);
    await insertYearOfRequests(db, town.id);
    await insertYearOfPublications(ctxAs(db, userActor(clerk), clock), town.id, clerk.id);
    setCliDatabase(targetOf(t()), clock);
  });
  after(() => {
    setCliDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('report generate --format txt|docx|json writes reports the checker reads; the only error is the passages left to write', async () => {
    for (const format of ['txt', 'docx', 'json']) {
      const out = path.join(dir, `r.${format}`);
      const r = await cli(
        'report',
        'generate',
        '--agency',
        townCode,
        '--year',
        '2026',
        '--format',
        format,
        '--out',
        out,
      );
      // The draft still holds its 【待填写】 passages: an error (exit 1) until a person writes them.
      assert.equal(r.code, 1, r.err);
      assert.match(r.err, /已写出/);
      // The checker's PLACEHOLDER-TEXT, and the generator's own NARRATIVE-PLACEHOLDER for each passage to write.
      assert.match(r.err, /检查结果：错误 [1-9]\d* 项/);
      assert.match(r.err, /尚未填写的占位内容/);
      assert.match(r.err, /NARRATIVE-PLACEHOLDER/);
      const result = checkReport(parseReport({ name: out, bytes: fs.readFileSync(out) }));
      assert.equal(result.cells['B.new_received.total'], 27);
      assert.equal(result.cells['A.art20_1.normative_documents.in_force'], 2);
      assert.deepEqual(
        result.findings.filter((f) => f.severity === 'error').map((f) => f.rule),
        ['PLACEHOLDER-TEXT'],
      );
    }
    const html = await cli('report', 'generate', '--agency', townCode, '--year', '2026', '--format', 'html');
    assert.equal(html.code, 1, 'the same draft, its passages still to write');
    assert.match(html.out, /<table class="report-table">/);
  });

  test('report status lists the agencies below the county with their deadlines', async () => {
    const r = await cli('report', 'status', '--agency', countyCode, '--year', '2026');
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /草稿.*期限 2027-01-31/);
    assert.match(r.out, /未开始.*期限 2027-03-31/);
    assert.match(r.out, /汇总表：已计入0个机关/);
  });

  test('an error-level check makes report generate exit 1 and list it; bad arguments exit 2', async () => {
    const db2 = t().db;
    const town = await db2
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', townCode)
      .executeTakeFirstOrThrow();
    await insertRequest(db2, town.id, {
      kind: 'natural_person',
      received: '2026-05-01',
      closed: '2026-05-10',
      row: 'granted?',
    });
    const r = await cli(
      'report',
      'generate',
      '--agency',
      townCode,
      '--year',
      '2026',
      '--format',
      'json',
      '--out',
      path.join(dir, 'bad.json'),
    );
    assert.equal(r.code, 1);
    assert.match(r.err, /\[错误\] X-CASE：1件已办结申请的办理结果无法对应表三的行/);
    assert.equal((await cli('report', 'generate', '--year', '2026', '--format', 'docx')).code, 2);
    assert.equal(
      (await cli('report', 'generate', '--agency', 'NOPE', '--year', '2026', '--format', 'txt')).code,
      2,
    );
    assert.equal((await cli('report', 'status', '--agency', townCode)).code, 2);
  });
});
