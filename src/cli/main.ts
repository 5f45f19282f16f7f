// The tierlab command line: one verb per experiment step, over the same services as the app.
// Commands load only when used, so `tierlab trace stats` never opens a database or a worker.
import * as U from './usage.ts';
import { UsageError } from './args.ts';

type CommandModule = Promise<Record<string, unknown>>;
interface Command {
  usage: string;
  load: () => CommandModule;
  entry: string;
}

const COMMANDS: Record<string, Command> = {
  run: { usage: U.RUN_USAGE, load: () => import('./commands/run.ts'), entry: 'runCommand' },
  sweep: { usage: U.SWEEP_USAGE, load: () => import('./commands/sweep.ts'), entry: 'sweepCommand' },
  tune: { usage: U.TUNE_USAGE, load: () => import('./commands/tune.ts'), entry: 'tuneCommand' },
  list: { usage: U.LIST_USAGE, load: () => import('./commands/list.ts'), entry: 'listCommand' },
  show: { usage: U.SHOW_USAGE, load: () => import('./commands/show.ts'), entry: 'showCommand' },
  compare: { usage: U.COMPARE_USAGE, load: () => import('./commands/compare.ts'), entry: 'compareCommand' },
  export: { usage: U.EXPORT_USAGE, load: () => import('./commands/export.ts'), entry: 'exportCommand' },
  import: { usage: U.IMPORT_USAGE, load: () => import('./commands/import.ts'), entry: 'importCommand' },
  trace: { usage: U.TRACE_USAGE, load: () => import('./commands/trace.ts'), entry: 'traceCommand' },
  serve: { usage: U.SERVE_USAGE, load: () => import('./commands/serve.ts'), entry: 'serveCommand' },
};

/**
 * Errors whose message is for the user as it stands, printed without a stack, and their exit status:
 * 2 for what the user can fix (arguments, files, the database's place), 1 for a run that failed.
 * Anything else is a bug and keeps its stack.
 */
const USER_ERRORS: Record<string, number> = {
  UsageError: 2,
  ScenarioFileError: 2,
  DatabaseRefusedError: 2,
  DatabaseWriteError: 2,
  ApiError: 2,
  TraceError: 2,
  RunFailedError: 1,
};

function exitStatusOf(e: unknown): number | undefined {
  if (e instanceof UsageError) return 2;
  return e instanceof Error && Object.hasOwn(USER_ERRORS, e.name) ? USER_ERRORS[e.name] : undefined;
}

function help(): string {
  const lines = Object.values(COMMANDS).map((c) => `  ${c.usage}`);
  return (
    [
      'Tierlab: tiered-memory experiments in a deterministic simulation of Linux mm.',
      '',
      'usage:',
      ...lines,
    ].join('\n') + '\n'
  );
}

export async function main(argv: string[]): Promise<number> {
  const [verb, ...rest] = argv;
  if (!verb || verb === '--help' || verb === '-h' || verb === 'help') {
    process.stdout.write(help());
    return verb ? 0 : 2;
  }
  const command = COMMANDS[verb];
  if (!command) {
    process.stderr.write(`tierlab: unknown command "${verb}"\n${help()}`);
    return 2;
  }
  try {
    const run = (await command.load())[command.entry] as (argv: string[]) => Promise<number>;
    return await run(rest);
  } catch (e) {
    const status = exitStatusOf(e);
    if (status === undefined) throw e;
    process.stderr.write(`tierlab ${verb}: ${(e as Error).message}\n`);
    return status;
  }
}

// `tierlab list | head` closes stdout early: that ends the command quietly, as for any Unix tool.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = await main(process.argv.slice(2));
