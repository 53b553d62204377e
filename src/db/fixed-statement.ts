import type { CompiledQuery, Kysely } from 'kysely';
import { dialectOf, type Dialect, type DbOrTrx } from './database.ts';
import type { DB } from './schema.ts';

/**
 * A statement of a fixed shape (the same SQL text whatever its values), built and compiled by Kysely once per
 * dialect instead of on every call: building and compiling a select costs about as much as SQLite's answer to a
 * small indexed one (docs/scale.md, "Ninth pass" and "Thirteenth pass"). The builder gets placeholders instead of
 * the values; each placeholder must reach the statement as a bound parameter, unchanged (compared with `=`, `<`,
 * `limit`, …: never concatenated into a string, tested or computed on), and the builder must not branch on them —
 * a statement whose shape depends on a value is two fixed statements. Every call binds its own values: nothing is
 * cached but the text. A database with Kysely plugins gets the statement built each time (a plugin may rewrite it).
 */
/** A query builder or a raw `sql` statement (whose compile takes the database). */
interface Buildable<R> {
  compile(db: Kysely<DB>): CompiledQuery<R>;
}

export function fixedStatement<K extends string, R>(
  names: readonly K[],
  build: (db: Kysely<DB>, p: Record<K, never>) => Buildable<R>,
): (db: DbOrTrx, values: Record<K, unknown>) => CompiledQuery<R> {
  const compiled = new Map<Dialect, { query: CompiledQuery<R>; slots: (K | null)[] }>();
  const marks = new Map<string, K>(names.map((n) => [`\u0000gk:param:${n}\u0000`, n]));
  const placeholders = Object.fromEntries([...marks].map(([m, n]) => [n, m])) as unknown as Record<K, never>;
  return (db, values) => {
    if (db.getExecutor().plugins.length)
      return build(db as Kysely<DB>, values as Record<K, never>).compile(db as Kysely<DB>);
    const dialect = dialectOf(db);
    let c = compiled.get(dialect);
    if (!c) {
      const query = build(db as Kysely<DB>, placeholders).compile(db as Kysely<DB>);
      const slots = query.parameters.map((v) => (typeof v === 'string' ? (marks.get(v) ?? null) : null));
      const bound = new Set(slots);
      for (const n of names)
        if (!bound.has(n)) throw new Error(`fixedStatement: the placeholder ${n} is not a bound parameter`);
      if (query.sql.includes('\u0000gk:param:'))
        throw new Error('fixedStatement: a placeholder was written into the statement text');
      c = { query, slots };
      compiled.set(dialect, c);
    }
    const { query, slots } = c;
    return { ...query, parameters: slots.map((s, i) => (s === null ? query.parameters[i] : values[s])) };
  };
}

/** Run a fixed statement: its rows. */
export async function runFixed<R>(db: DbOrTrx, q: CompiledQuery<R>): Promise<R[]> {
  return (await db.executeQuery(q)).rows;
}
