/** Organisation and users: what the feature plugs in (read by src/features.ts). */
import type { Feature } from '../feature.ts';
import { orgRoutes } from '../web/routes/office/org.tsx';
import { agencyCommand, importCommand, userCommand } from '../cli/commands/admin.ts';

// A function, not a constant: the CLI's commands and set-up import each other through this list, and a
// function declaration is ready before any module of the cycle runs.
export function orgFeature(): Feature {
  return {
    name: 'org',
    routes: [orgRoutes],
    nav: [{ href: '/office/org', label: '组织与用户', roles: ['admin', 'inspector'], order: 80 }],
    commands: [agencyCommand, userCommand, importCommand],
  };
}
