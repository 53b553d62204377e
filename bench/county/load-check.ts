/**
 * `npx tsx bench/county/load-check.ts <scale> <out.json>`: loads one county database at `scale`, writes the load's
 * timings and the data's fingerprint (fingerprint.ts) to out.json, and drops the database. Two loaders compared at
 * the same scale on the same day must give the same fingerprint.
 */
import fs from 'node:fs';
import pg from 'pg';
import { openDatabase } from '../../src/db/database.ts';
import { PG_ADMIN_URL } from '../../test/support/db.ts';
import { wireFeatures } from '../../src/features.ts';
import { generateCounty } from './generate.ts';
import { fingerprint } from './fingerprint.ts';

process.env.TZ = 'Asia/Shanghai';
process.env.LOG_LEVEL ??= 'silent';
const scale = Number(process.argv[2] ?? 0.0625);
const out = process.argv[3];
wireFeatures();
const name = `gk_bench_loadcheck_${process.pid}`;
const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
await admin.connect();
await admin.query(`create database ${name}`);
const url = PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
const db = openDatabase({ kind: 'postgres', url }, { pgPoolSize: 5 });
try {
  const t0 = performance.now();
  const data = await generateCounty(db, url, scale);
  const seconds = (performance.now() - t0) / 1000;
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const fp = await fingerprint(c);
  await c.end();
  const result = {
    scale,
    seconds,
    loadSeconds: data.loadSeconds,
    loadCpu: data.loadCpu,
    rows: data.rows,
    fingerprint: fp,
  };
  console.log(JSON.stringify(result, null, 2));
  if (out) fs.writeFileSync(out, JSON.stringify(result, null, 2));
} finally {
  await db.destroy();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
