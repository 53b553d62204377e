/** The file store of an installation (GONGKAI_FILE_STORE), and the step that writes files with their rows. */
import path from 'node:path';
import type { Config } from '../config.ts';
import { databaseStore } from './database-store.ts';
import { diskStore } from './disk-store.ts';
import type { FileStore } from './file-store.ts';

export {
  fileStep,
  openStep,
  readAll,
  type FileBody,
  type FileStore,
  type OpenedFile,
  type StepFiles,
  type StoredFile,
} from './file-store.ts';

const stores = new WeakMap<object, FileStore>();

/** The configured store (one per configuration object). */
export function fileStoreOf(cfg: Pick<Config, 'fileStore' | 'dataDir'>): FileStore {
  let s = stores.get(cfg);
  if (!s) {
    s = cfg.fileStore === 'database' ? databaseStore() : diskStore(uploadsDir(cfg.dataDir));
    stores.set(cfg, s);
  }
  return s;
}

/** The disk store's directory. */
export const uploadsDir = (dataDir: string) => path.join(dataDir, 'uploads');
