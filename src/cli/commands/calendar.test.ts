import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setCliDatabase } from '../open-db.ts';
import { describeEachDialect, targetOf } from '../../../test/support/db.ts';
import { cli } from '../../../test/support/cli.ts';

// Each dialect: a fresh migrated database, which the CLI opens, prepares (seeds) and closes per command.
describeEachDialect('CLI: calendar and request deadlines', (t) => {
  let dir = '';
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-cli-'));
    setCliDatabase(targetOf(t()));
  });
  after(() => {
    setCliDatabase();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  describe('gongkai calendar', () => {
    test('add-workdays 2026-09-30 20 prints 2026-11-03 on a fresh database', async () => {
      const r = await cli('calendar', 'add-workdays', '2026-09-30', '20');
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, '2026-11-03');
    });

    test('add-workdays --json prints date, provisional and the skipped days with reasons', async () => {
      const r = await cli('calendar', 'add-workdays', '2026-09-30', '20', '--json');
      const v = JSON.parse(r.out);
      assert.deepEqual(Object.keys(v), ['date', 'provisional', 'skipped']);
      assert.equal(v.date, '2026-11-03');
      assert.equal(v.provisional, false);
      assert.deepEqual(v.skipped[0], { date: '2026-10-01', reason: 'holiday:国庆节' });
      assert.ok(v.skipped.some((s: { reason: string }) => s.reason === 'weekend'));
    });

    test('add-workdays into 2027 is provisional', async () => {
      const v = JSON.parse((await cli('calendar', 'add-workdays', '2026-12-31', '1', '--json')).out);
      assert.deepEqual([v.date, v.provisional], ['2027-01-04', true]);
    });

    test('is-workday prints true/false, --json with reason', async () => {
      assert.equal((await cli('calendar', 'is-workday', '2026-10-10')).out, 'true');
      assert.equal((await cli('calendar', 'is-workday', '2026-10-08')).out, 'true');
      assert.equal((await cli('calendar', 'is-workday', '2026-10-07')).out, 'false');
      const v = JSON.parse((await cli('calendar', 'is-workday', '2027-02-06', '--json')).out);
      assert.deepEqual(v, { date: '2027-02-06', workday: false, provisional: true, reason: 'holiday:春节' });
    });

    test('explain lists each skipped day in Chinese', async () => {
      const r = await cli('calendar', 'explain', '2026-09-30', '20');
      assert.match(r.out, /之后第 20 个工作日：2026-11-03/);
      assert.match(r.out, /跳过 2026-10-01 周四 法定节假日（国庆节）/);
    });

    test('load a year file, then show it; a bad file is refused with a Chinese reason', async () => {
      const file = path.join(dir, '2027.json');
      fs.writeFileSync(
        file,
        JSON.stringify({
          year: 2027,
          source: { title: '测试：2027年部分节假日安排', doc_no: null, url: null },
          rest_days: ['2027-01-01', { date: '2027-02-05', name: '春节' }],
          makeup_workdays: [{ date: '2027-02-20', name: '春节' }],
        }),
      );
      const r = await cli('calendar', 'load', file);
      assert.equal(r.code, 0, r.err);
      assert.match(r.out, /已载入2027年放假安排（第1版）/);
      const shown = await cli('calendar', 'show', '2027');
      assert.match(shown.out, /2027年 工作日历（第1版）/);
      assert.match(shown.out, /2027-02-20 周六 上班/);
      assert.equal(
        (await cli('calendar', 'is-workday', '2027-02-08')).out,
        'true',
        'loaded: no provisional 春节',
      );
      const prov = await cli('calendar', 'show', '2028');
      assert.match(prov.out, /暂定/);

      fs.writeFileSync(
        file,
        JSON.stringify({
          year: 2028,
          source: { title: 't' },
          rest_days: [],
          makeup_workdays: ['2028-03-01'],
        }),
      );
      const bad = await cli('calendar', 'load', file);
      assert.equal(bad.code, 1);
      assert.match(bad.err, /不是周六或周日/);
    });

    test('usage errors exit 2', async () => {
      assert.equal((await cli('calendar', 'add-workdays', '2026-9-30', '20')).code, 2);
      assert.equal((await cli('calendar', 'add-workdays', '2026-09-30')).code, 2);
      assert.equal((await cli('calendar', 'frobnicate')).code, 2);
      const r = await cli('calendar', 'is-workday', '2026-10-10', '--agency', 'NOPE');
      assert.equal(r.code, 1);
      assert.match(r.err, /未找到机关代码/);
    });
  });

  describe('gongkai requests deadline', () => {
    const base = ['requests', 'deadline', '--received', '2026-03-02', '--corrected', '2026-03-05'];
    const cases: [string[], string][] = [
      [[], '2026-04-02'],
      [['--pause', '2026-03-10..2026-03-20'], '2026-04-15'],
      [['--pause', '2026-03-10..2026-03-20', '--extend', '20'], '2026-05-15'],
    ];
    for (const [extra, due] of cases) {
      test(`${extra.join(' ') || '(no pause)'} → ${due}`, async () => {
        const r = await cli(...base, ...extra, '--json');
        assert.equal(r.code, 0, r.err);
        const v = JSON.parse(r.out);
        assert.deepEqual(Object.keys(v), ['due', 'provisional', 'steps']);
        assert.equal(v.due, due);
        assert.equal(v.provisional, false);
        for (const s of v.steps) assert.deepEqual(Object.keys(s), ['date', 'event', 'note']);
      });
    }

    test('--pause A without ".." means still waiting, the same as A..', async () => {
      const waiting = await cli(...base, '--pause', '2026-03-10', '--json');
      assert.equal(waiting.code, 0, waiting.err);
      const open = await cli(...base, '--pause', '2026-03-10..', '--json');
      assert.equal(JSON.parse(waiting.out).due, JSON.parse(open.out).due);
      // 15 working days of waiting after 03-10 (to 03-31) are not counted; 清明 skipped.
      assert.equal(JSON.parse(waiting.out).due, '2026-04-24');
    });

    test('a due date in an unloaded year is provisional; human output says 暂定', async () => {
      // 2028-01-01 is a Saturday: the provisional calendar gives 补假 on Monday 2028-01-03.
      const r = await cli('requests', 'deadline', '--received', '2027-12-15');
      assert.match(r.out, /答复期限：2028-01-13 〔暂定〕/);
      assert.match(r.out, /元旦补假/);
    });

    test('bad arguments are refused', async () => {
      assert.equal(
        (await cli('requests', 'deadline', '--received', '2026-03-02', '--pause', '2026-03-10..x')).code,
        2,
      );
      assert.equal((await cli('requests', 'deadline')).code, 2);
      assert.equal((await cli('requests', 'nothing')).code, 2);
      const r = await cli('requests', 'deadline', '--received', '2026-03-02', '--extend', '30');
      assert.equal(r.code, 1);
      assert.match(r.err, /延长答复期限应为1至20个工作日/);
    });
  });
});
