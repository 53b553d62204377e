/**
 * The open data API under /api/public: no sign-in, the portal agency's public data only (主动公开, the registers,
 * annual reports, the calendar, 村级公开, 互动交流 and 监督保障's published bulletins and figures), JSON with an ETag
 * (If-None-Match → 304) and a short public cache; CSV and XLSX downloads of each public register.
 * Documented in /api/openapi.json (open-data-doc.ts).
 */
import { etag } from 'hono/etag';
import type { App, C } from '../../app-env.ts';
import { portalAgency } from '../../public-page.tsx';
import { NotFoundError } from '../../../errors.ts';
import { attachment, XLSX_TYPE } from '../../../documents/xlsx.ts';
import {
  openAddWorkdays,
  openCatalogue,
  openDecisions,
  openExplain,
  openFees,
  openIsWorkday,
  openPublication,
  openPublications,
  openReport,
  openReports,
} from '../../../open-data/open-data.ts';
import {
  openInquiries,
  openInquiry,
  openInquiryFigures,
  openVillageItem,
  openVillageItems,
  openVillages,
} from '../../../open-data/open-community.ts';
import { openBulletin, openBulletins, openSupervisionFigures } from '../../../open-data/open-supervision.ts';
import {
  REGISTERS,
  registerTable,
  toCsv,
  toXlsx,
  type RegisterId,
} from '../../../open-data/register-files.ts';
import { addApiPaths } from './openapi.ts';
import { OPEN_DATA_PATHS, OPEN_DATA_SCHEMAS } from './open-data-doc.ts';

addApiPaths(OPEN_DATA_PATHS, OPEN_DATA_SCHEMAS);

/** The portal's public address (GONGKAI_PUBLIC_URL), else this request's origin. */
function baseOf(c: C): string {
  return c.get('deps').config.publicUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;
}

async function agencyOf(c: C) {
  const agency = await portalAgency(c);
  if (!agency) throw new NotFoundError('本站尚未设置机关');
  return agency;
}

function publicJson(c: C, body: unknown): Response {
  c.header('Cache-Control', 'public, max-age=60');
  c.header('Access-Control-Allow-Origin', '*');
  return c.json(body);
}

const REGISTER_PATH: Record<RegisterId, string> = {
  publications: '/api/public/publications',
  decisions: '/api/public/registers/decisions',
  fees: '/api/public/registers/fees',
};

export function openDataRoutes(app: App): void {
  app.use('/api/public/*', etag());

  app.get('/api/public/publications', async (c) =>
    publicJson(c, await openPublications(c.get('deps').db, await agencyOf(c), baseOf(c), c.req.query())),
  );
  app.get('/api/public/publications/:id{[0-9]+}', async (c) =>
    publicJson(
      c,
      await openPublication(c.get('deps').db, await agencyOf(c), baseOf(c), Number(c.req.param('id'))),
    ),
  );
  app.get('/api/public/catalogue', async (c) =>
    publicJson(c, { items: await openCatalogue(c.get('deps').db, await agencyOf(c), baseOf(c)) }),
  );
  app.get('/api/public/registers/decisions', async (c) =>
    publicJson(c, { items: await openDecisions(c.get('deps').db, await agencyOf(c), c.req.query()) }),
  );
  app.get('/api/public/registers/fees', async (c) =>
    publicJson(c, { items: await openFees(c.get('deps').db, await agencyOf(c), c.req.query()) }),
  );
  app.get('/api/public/annual-reports', async (c) =>
    publicJson(c, { items: await openReports(c.get('deps').db, await agencyOf(c), baseOf(c)) }),
  );
  app.get('/api/public/annual-reports/:year{[0-9]{4}}', async (c) =>
    publicJson(c, await openReport(c.get('deps').db, await agencyOf(c), Number(c.req.param('year')))),
  );
  app.get('/api/public/calendar/is-workday', async (c) =>
    publicJson(c, await openIsWorkday(c.get('deps').db, await agencyOf(c), c.req.query())),
  );
  app.get('/api/public/calendar/add-workdays', async (c) =>
    publicJson(c, await openAddWorkdays(c.get('deps').db, await agencyOf(c), c.req.query())),
  );
  app.get('/api/public/calendar/explain', async (c) =>
    publicJson(c, await openExplain(c.get('deps').db, await agencyOf(c), c.req.query())),
  );
  // 村级公开 and 互动交流 (what their portal pages show, as data).
  const today = (c: C) => c.get('ctx').clock.today();
  app.get('/api/public/villages', async (c) =>
    publicJson(
      c,
      await openVillages(c.get('deps').db, await agencyOf(c), baseOf(c), c.req.query(), today(c)),
    ),
  );
  app.get('/api/public/villages/:villageId{[0-9]+}/items', async (c) =>
    publicJson(
      c,
      await openVillageItems(
        c.get('deps').db,
        await agencyOf(c),
        baseOf(c),
        Number(c.req.param('villageId')),
        c.req.query(),
        today(c),
      ),
    ),
  );
  app.get('/api/public/villages/items/:itemId{[0-9]+}', async (c) =>
    publicJson(
      c,
      await openVillageItem(c.get('deps').db, await agencyOf(c), baseOf(c), Number(c.req.param('itemId'))),
    ),
  );
  app.get('/api/public/inquiries', async (c) =>
    publicJson(c, await openInquiries(c.get('deps').db, await agencyOf(c), baseOf(c), c.req.query())),
  );
  app.get('/api/public/inquiries/:inquiryId{[0-9]+}', async (c) =>
    publicJson(
      c,
      await openInquiry(c.get('deps').db, await agencyOf(c), baseOf(c), Number(c.req.param('inquiryId'))),
    ),
  );
  app.get('/api/public/inquiries/figures', async (c) =>
    publicJson(c, await openInquiryFigures(c.get('deps').db, await agencyOf(c))),
  );
  // 监督保障: the published monthly bulletins and the public figures (counts only).
  app.get('/api/public/supervision/bulletins', async (c) =>
    publicJson(c, await openBulletins(c.get('deps').db, await agencyOf(c), baseOf(c), c.req.query())),
  );
  app.get('/api/public/supervision/bulletins/:period{[0-9]{4}-[0-9]{2}}', async (c) =>
    publicJson(c, await openBulletin(c.get('deps').db, await agencyOf(c), baseOf(c), c.req.param('period'))),
  );
  app.get('/api/public/supervision/figures', async (c) =>
    publicJson(c, await openSupervisionFigures(c.get('deps').db, await agencyOf(c), c.req.query(), today(c))),
  );

  for (const id of REGISTERS)
    for (const format of ['csv', 'xlsx'] as const)
      app.get(`${REGISTER_PATH[id]}.${format}`, async (c) => {
        const t = await registerTable(c.get('deps').db, await agencyOf(c), baseOf(c), id, c.req.query());
        const bytes = format === 'csv' ? toCsv(t) : await toXlsx(t);
        return new Response(new Uint8Array(bytes), {
          headers: {
            'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
            'Content-Disposition': attachment(`${t.name}.${format}`),
            'Cache-Control': 'public, max-age=60',
          },
        });
      });
}
