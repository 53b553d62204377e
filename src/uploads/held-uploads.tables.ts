import type { Generated } from 'kysely';

/** Files uploaded with a form that came back with errors, held under a random token (held-uploads.ts). */
export interface HeldUploadsTables {
  held_uploads: HeldUploadTable;
}

export interface HeldUploadTable {
  id: Generated<number>;
  /** 32 hex characters from crypto.randomBytes: the only handle the browser holds. */
  token: string;
  /** Which form held it (e.g. 'apply'): a token is only ever claimed by the form that held it. */
  purpose: string;
  file_name: string;
  content_type: string;
  size: number;
  /** Relative to the data directory. */
  storage_path: string;
  created_at: string;
  expires_at: string;
}
