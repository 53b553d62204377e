/** Every CLI command. A feature adds its command file and one line here. */
import type { CliCommand } from '../command.ts';

export const commands: CliCommand[] = [];
