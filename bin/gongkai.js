#!/usr/bin/env node
// Entry for `npx gongkai`: run the TypeScript CLI through tsx with the business time zone fixed.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', path.join(root, 'src/cli/main.ts'), ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, TZ: 'Asia/Shanghai' } },
);
process.exit(result.status ?? 1);
