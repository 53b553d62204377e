// Lint the OpenAPI document the app serves (every feature's paths) with Redocly's recommended rules
// (redocly.yaml). Part of `npm run check`; exits non-zero on any error.
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { features } from '../src/features.ts';
import { openApiDocumentFor } from '../src/web/routes/api/openapi.ts';

features(); // loads every feature's route modules, which register their API paths
const file = join(mkdtempSync(join(tmpdir(), 'gongkai-openapi-')), 'openapi.json');
writeFileSync(file, JSON.stringify(openApiDocumentFor('https://gongkai.gov.cn.invalid'), null, 2));
const r = spawnSync('npx', ['--no-install', 'redocly', 'lint', file, '--format', 'stylish'], {
  stdio: 'inherit',
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
process.exit(r.status ?? 1);
