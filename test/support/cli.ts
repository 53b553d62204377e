/** Run the CLI in-process with its output captured. */
import { runCli } from '../../src/cli/main.ts';
import type { CliIo } from '../../src/cli/command.ts';

/** Run `gongkai <argv…>`: the exit code and what it wrote to stdout and stderr. */
export async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = {
    out: (s) => stdout.push(s),
    err: (s) => stderr.push(s),
    stdin: async () => '',
    isTty: false,
  };
  const code = await runCli(argv, io);
  return { code, out: stdout.join('\n'), err: stderr.join('\n') };
}
