/** Every CLI command: the installation's own (serve, migrate, demo, backup, restore) and each feature's (src/features.ts). */
import type { CliCommand } from '../command.ts';
import { backupCommand, demoCommand, migrateCommand, restoreCommand, serveCommand } from './admin.ts';
import { featureCommands } from '../../features.ts';
import { filesCommand } from './files.ts';
import { attachmentsCommand } from './attachments.ts';

export function commands(): CliCommand[] {
  return [
    serveCommand,
    migrateCommand,
    demoCommand,
    backupCommand,
    restoreCommand,
    filesCommand,
    attachmentsCommand,
    ...featureCommands(),
  ];
}
