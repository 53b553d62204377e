/** Every CLI command. A feature adds its command file and one line here. */
import type { CliCommand } from '../command.ts';
import { calendarCommand } from './calendar.ts';
import { requestsCommand } from './requests.ts';

export const commands: CliCommand[] = [calendarCommand, requestsCommand];
