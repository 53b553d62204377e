/** Tables of the database file store (src/storage/database-store.ts). */
export interface StorageTables {
  stored_files: StoredFileTable;
  stored_file_chunks: StoredFileChunkTable;
}

export interface StoredFileTable {
  key: string;
  size: number;
  sha256: string;
  chunks: number;
  created_at: string;
}

export interface StoredFileChunkTable {
  file_key: string;
  seq: number;
  data: Uint8Array;
}
