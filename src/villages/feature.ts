/** 村级公开: everything the feature plugs in (read by src/features.ts). */
import type { Feature } from '../feature.ts';
import { periodKey } from '../jobs/schedules.ts';
import { sendVillageReminders, VILLAGE_SWEEP_JOB } from './send-village-reminders.ts';
import { itemTemplateSeed } from './seed-item-templates.ts';
import { loadVillageDemo } from './demo.ts';
import { VILLAGE_AUDIT_LABELS } from './village-audit.ts';
import { villageOfficeRoutes } from '../web/routes/office/villages-office.tsx';
import { villageItemRoutes } from '../web/routes/office/villages-items.tsx';
import { villagePortalRoutes } from '../web/routes/public/villages.tsx';
import { listVillageWaiting } from './waiting.ts';

// A function, like the other manifests: the CLI and set-up import each other through the features list.
export function villagesFeature(): Feature {
  return {
    name: 'villages',
    waiting: listVillageWaiting,
    routes: [villageOfficeRoutes, villageItemRoutes, villagePortalRoutes],
    nav: [
      {
        href: '/office/villages',
        label: '村级公开',
        roles: [
          'clerk',
          'admin',
          'principal_leader',
          'deputy_leader',
          'village_cadre',
          'liaison',
          'village_supervisor',
          'inspector',
        ],
        order: 30,
      },
    ],
    jobs: {
      [VILLAGE_SWEEP_JOB]: async (ctx) => {
        await sendVillageReminders(ctx);
      },
    },
    // Daily: reminders before due dates, overdue marks for the 包村干部 and 党政办, lapsed objections escalated.
    schedules: [{ kind: VILLAGE_SWEEP_JOB, cron: '30 7 * * *', uniqueKey: periodKey.day(VILLAGE_SWEEP_JOB) }],
    seeds: [itemTemplateSeed],
    demo: [{ name: 'villages', run: loadVillageDemo }],
    auditLabels: VILLAGE_AUDIT_LABELS,
  };
}
