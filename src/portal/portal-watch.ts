/**
 * Every node hears of every portal change (PostgreSQL LISTEN/NOTIFY on PORTAL_CHANNEL; touchPortal notifies in the
 * change's transaction, so the notice is delivered at commit and never for a rolled-back change). The page cache then
 * needs no database query per request: it re-reads the stored version only when the generation moves. While the
 * listening connection is down the watch cannot vouch for anything (`generation()` is null) and the cache reads the
 * version for every request instead; after a reconnect the generation moves, since notices may have been missed.
 * Measured choice: docs/deployment.md ("Page cache on several nodes").
 */
import pg from 'pg';

export const PORTAL_CHANNEL = 'gongkai_portal';

export interface PortalWatch {
  /** Changes whenever the portal may have changed; null while not listening. */
  generation(): number | null;
  close(): Promise<void>;
}

export function watchPortal(url: string, warn: (msg: string) => void): PortalWatch {
  let gen = 0;
  let listening = false;
  let closed = false;
  let client: pg.Client | undefined;
  let retry: NodeJS.Timeout | undefined;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    client = c;
    c.on('notification', () => {
      gen++;
    });
    const lost = (why: string) => {
      if (client !== c) return;
      listening = false;
      client = undefined;
      c.end().catch(() => undefined);
      if (!closed) {
        warn(`portal change listener lost (${why}); reading the version per request until it reconnects`);
        retry = setTimeout(() => void connect(), 1000);
        retry.unref();
      }
    };
    c.on('error', (e) => lost(e.message));
    c.on('end', () => lost('connection ended'));
    try {
      await c.connect();
      await c.query(`LISTEN ${PORTAL_CHANNEL}`);
      gen++; // anything may have changed while not listening
      listening = true;
    } catch (e) {
      lost(e instanceof Error ? e.message : String(e));
    }
  };
  void connect();
  return {
    generation: () => (listening ? gen : null),
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = undefined;
      listening = false;
      await c?.end().catch(() => undefined);
    },
  };
}
