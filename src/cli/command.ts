/** The shape of a CLI command: thin, calls the same use cases as the web, exits non-zero on failure. */
export interface CliIo {
  out(s: string): void;
  err(s: string): void;
  /** Read all of standard input (for --password-stdin). */
  stdin(): Promise<string>;
  /** True when standard error is a terminal (progress bars). */
  isTty: boolean;
}

export interface CliCommand {
  /** First word(s), e.g. 'calendar' (sub-commands are parsed by the command itself). */
  name: string;
  summary: string;
  /** Full help text, printed for `gongkai NAME --help`. */
  help: string;
  /** Return the exit code. Throw CliUsageError for wrong arguments (exit 2). */
  run(args: string[], io: CliIo): Promise<number>;
}

export class CliUsageError extends Error {}

/** Minimal argv parser: --flag, --key value, --key=value, repeated keys collected; positionals kept in order. */
export function parseArgs(
  args: string[],
  spec: { boolean?: string[]; multiple?: string[] } = {},
): { positionals: string[]; flags: Record<string, string | boolean | string[]> } {
  const positionals: string[] = [];
  const flags: Record<string, string | boolean | string[]> = {};
  const bools = new Set(spec.boolean ?? []);
  const multi = new Set(spec.multiple ?? []);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      let key = a.slice(2);
      let value: string | boolean;
      const eq = key.indexOf('=');
      if (eq >= 0) {
        value = key.slice(eq + 1);
        key = key.slice(0, eq);
      } else if (bools.has(key) || key === 'help' || key === 'json') {
        value = true;
      } else {
        const next = args[i + 1];
        if (next === undefined || next.startsWith('--')) throw new CliUsageError(`参数 --${key} 缺少取值`);
        value = next;
        i++;
      }
      if (multi.has(key)) {
        const prev = flags[key];
        flags[key] = [...(Array.isArray(prev) ? prev : []), String(value)];
      } else flags[key] = value;
    } else positionals.push(a);
  }
  return { positionals, flags };
}

/** A string flag or undefined; a boolean flag where a value was expected is a usage error. */
export function flagString(flags: Record<string, unknown>, key: string): string | undefined {
  const v = flags[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new CliUsageError(`参数 --${key} 需要一个取值`);
  return v;
}
