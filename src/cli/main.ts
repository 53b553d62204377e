import { CliUsageError, type CliIo } from '../cli/command.ts';
import { commands } from './commands/index.ts';
import { isDomainError } from '../errors.ts';
import { ConfigError } from '../config.ts';

process.env.TZ = 'Asia/Shanghai';

function usage(): string {
  const width = Math.max(...commands().map((c) => c.name.length), 4);
  return [
    'gongkai — 政府信息公开工作平台 命令行',
    '',
    '用法: gongkai <命令> [参数]   (每个命令都支持 --help)',
    '',
    ...commands().map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
  ].join('\n');
}

const io: CliIo = {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
  stdin: async () => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  isTty: Boolean(process.stderr.isTTY),
};

/** Run the CLI with argv (without node and script); resolves to the exit code. */
export async function runCli(argv: string[], cliIo: CliIo = io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    cliIo.out(usage());
    return name ? 0 : 2;
  }
  const cmd = commands().find((c) => c.name === name);
  if (!cmd) {
    cliIo.err(`未知命令: ${name}\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    cliIo.out(cmd.help);
    return 0;
  }
  try {
    return await cmd.run(rest, cliIo);
  } catch (e) {
    if (e instanceof CliUsageError) {
      cliIo.err(`参数错误: ${e.message}\n\n${cmd.help}`);
      return 2;
    }
    if (e instanceof ConfigError) {
      cliIo.err(e.message);
      return 1;
    }
    if (isDomainError(e)) {
      cliIo.err(`错误: ${e.message}`);
      return 1;
    }
    cliIo.err(`内部错误: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
