/**
 * Statements of a fixed shape, built and compiled once per SQL dialect and run with each call's values. For the hot
 * reads of every public page (the portal version, a village, its published items): Kysely's building and compiling
 * cost more than SQLite's answer to a small indexed query (docs/scale.md, "Ninth pass" and "Twelfth pass"). The SQL
 * text and its parameters are exactly those the builder gives for the same values; only the building is skipped.
 */
import type { Compilable, CompiledQuery } from 'kysely';
import { dialectOf, type DbOrTrx, type Dialect } from './database.ts';

const MARK = '\u0000gk-arg-';

/**
 * A statement with `arity` arguments. `build` is called once per dialect with a placeholder for each argument and
 * must pass each one, unchanged, as a value of the query (never into SQL text, never into a string it builds: a
 * caller passes the finished values, e.g. `${year}-01-01`); its other values are constants kept as they compiled.
 * A placeholder that did not come out as a parameter of its own throws at the first call.
 */
export function compiledStatement<A extends unknown[], R>(
  arity: A['length'],
  build: (db: DbOrTrx, ...args: A) => Compilable<R>,
): (db: DbOrTrx, ...args: A) => Promise<R[]> {
  const compiled = new Map<
    Dialect,
    { query: CompiledQuery<R>; slots: ({ arg: number } | { value: unknown })[] }
  >();
  const prepare = (db: DbOrTrx) => {
    const placeholders = Array.from({ length: arity }, (_, i) => `${MARK}${i}`);
    const query = build(db, ...(placeholders as A)).compile();
    const slots = query.parameters.map((p) => {
      const i = placeholders.indexOf(p as string);
      if (i >= 0) return { arg: i };
      if (typeof p === 'string' && p.includes(MARK))
        throw new Error('a placeholder was changed before it was bound');
      return { value: p };
    });
    if (query.sql.includes(MARK)) throw new Error('a placeholder went into the SQL text');
    for (let i = 0; i < arity; i++)
      if (!slots.some((s) => 'arg' in s && s.arg === i)) throw new Error(`argument ${i} is not a parameter`);
    return { query, slots };
  };
  return async (db, ...args) => {
    const dialect = dialectOf(db);
    let c = compiled.get(dialect);
    if (!c) compiled.set(dialect, (c = prepare(db)));
    const parameters = c.slots.map((s) => ('arg' in s ? args[s.arg] : s.value));
    return (await db.executeQuery<R>({ ...c.query, parameters })).rows;
  };
}
