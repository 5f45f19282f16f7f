// The tierlab command line: one verb per experiment step, over the same services as the app.
import { ScenarioFileError } from '../main/scenario-file.ts';
import { ApiError } from '../main/api/errors.ts';
import { UsageError } from './args.ts';
import { DatabaseRefusedError } from '../main/db/index.ts';
import { compareCommand, COMPARE_USAGE } from './commands/compare.ts';
import { exportCommand, EXPORT_USAGE } from './commands/export.ts';
import { importCommand, IMPORT_USAGE } from './commands/import.ts';
import { listCommand, LIST_USAGE } from './commands/list.ts';
import { runCommand, RUN_USAGE } from './commands/run.ts';
import { serveCommand, SERVE_USAGE } from './commands/serve.ts';
import { showCommand, SHOW_USAGE } from './commands/show.ts';
import { sweepCommand, SWEEP_USAGE } from './commands/sweep.ts';

const COMMANDS: Record<string, { run(argv: string[]): Promise<number>; usage: string }> = {
  run: { run: runCommand, usage: RUN_USAGE },
  sweep: { run: sweepCommand, usage: SWEEP_USAGE },
  list: { run: listCommand, usage: LIST_USAGE },
  show: { run: showCommand, usage: SHOW_USAGE },
  compare: { run: compareCommand, usage: COMPARE_USAGE },
  export: { run: exportCommand, usage: EXPORT_USAGE },
  import: { run: importCommand, usage: IMPORT_USAGE },
  serve: { run: serveCommand, usage: SERVE_USAGE },
};

function help(): string {
  return (
    [
      'Tierlab: tiered-memory experiments in a deterministic simulation of Linux mm.',
      '',
      'usage:',
      ...Object.values(COMMANDS).map((c) => `  ${c.usage}`),
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
    return await command.run(rest);
  } catch (e) {
    if (
      e instanceof UsageError ||
      e instanceof ScenarioFileError ||
      e instanceof DatabaseRefusedError ||
      e instanceof ApiError
    ) {
      process.stderr.write(`tierlab ${verb}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
