/** Every CLI command. A feature adds its command file and one line here. */
import type { CliCommand } from '../command.ts';
import { calendarCommand } from './calendar.ts';
import {
  agencyCommand,
  backupCommand,
  demoCommand,
  importCommand,
  migrateCommand,
  serveCommand,
  userCommand,
} from './admin.ts';
import { requestsCommand } from './requests.ts';
import { reportCommand } from './report.ts';

export const commands: CliCommand[] = [
  serveCommand,
  migrateCommand,
  demoCommand,
  agencyCommand,
  userCommand,
  importCommand,
  backupCommand,
  calendarCommand,
  requestsCommand,
  reportCommand,
];
