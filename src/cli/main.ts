// The tierlab command line: one verb per experiment step, over the same services as the app.
import { ScenarioFileError } from '../main/scenario-file.ts';
import { UsageError } from './args.ts';
import { runCommand, RUN_USAGE } from './commands/run.ts';

const COMMANDS: Record<string, { run(argv: string[]): Promise<number>; usage: string }> = {
  run: { run: runCommand, usage: RUN_USAGE },
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
    if (e instanceof UsageError || e instanceof ScenarioFileError) {
      process.stderr.write(`tierlab ${verb}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

process.exitCode = await main(process.argv.slice(2));
