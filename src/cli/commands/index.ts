/** Every CLI command: the installation's own (serve, migrate, demo, backup) and each feature's (src/features.ts). */
import type { CliCommand } from '../command.ts';
import { backupCommand, demoCommand, migrateCommand, serveCommand } from './admin.ts';
import { featureCommands } from '../../features.ts';

export function commands(): CliCommand[] {
  return [serveCommand, migrateCommand, demoCommand, backupCommand, ...featureCommands()];
}
