// `tierlab run FILE [--seed N] [--json OUT] [--csv OUT] [--quiet]`: simulate one scenario file.
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import type { RunResult } from '../../shared/result.ts';
import { formatSize } from '../../shared/units.ts';
import { samplesCsvHeader, samplesCsvRows } from '../../main/export/csv.ts';
import { readScenarioFile } from '../../main/scenario-file.ts';
import { runScenario } from '../../main/runner/run-scenario.ts';
import { intOption, parseCommandArgs, UsageError } from '../args.ts';
import { createProgress } from '../progress.ts';

export const RUN_USAGE = 'tierlab run FILE [--seed N] [--json OUT] [--csv OUT] [--quiet]';

export async function runCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    argv,
    {
      seed: { type: 'string' },
      json: { type: 'string' },
      csv: { type: 'string' },
      quiet: { type: 'boolean' },
    },
    RUN_USAGE,
  );
  if (positionals.length !== 1) throw new UsageError(`expected one scenario file\nusage: ${RUN_USAGE}`);
  const scenario = await readScenarioFile(positionals[0]!);
  const seed = intOption('seed', values.seed);
  if (seed !== undefined) scenario.run.seed = seed >>> 0;

  const csv = values.csv ? createWriteStream(values.csv) : null;
  csv?.write(samplesCsvHeader());
  const progress = createProgress(!values.quiet);
  const { result } = runScenario(scenario, {
    onSamples: (batch) => csv?.write(samplesCsvRows(batch)),
    onProgress: (fraction, ms) => progress.update(fraction, `${(ms / 1000).toFixed(1)}s simulated`),
  });
  progress.done();
  if (csv) {
    csv.end();
    await once(csv, 'finish');
  }
  if (values.json) await writeFile(values.json, JSON.stringify(result, null, 2) + '\n');
  if (!values.quiet) process.stdout.write(summary(result, scenario.machine.pageSize));
  return 0;
}

/** A short human summary: the counters a kernel developer looks at first, and each task's speed. */
function summary(r: RunResult, pageSize: number): string {
  const vm = r.vmstat;
  const lines = [
    `${r.name}: ${(r.simulatedMs / 1000).toFixed(1)}s simulated in ${(r.wallMs / 1000).toFixed(2)}s (seed ${r.seed}, engine ${r.engineVersion})`,
  ];
  for (const n of r.nodes) {
    const demote = n.demotionTargets.preferred.length
      ? ` -> demotes to ${n.demotionTargets.preferred.join(',')}`
      : '';
    lines.push(
      `  node ${n.id} ${n.memory.padEnd(4)} memory_tier${n.tier}${demote}: free ${formatSize(n.freePages * pageSize)}, anon ${formatSize(n.anonPages * pageSize)}, file ${formatSize(n.filePages * pageSize)}`,
    );
  }
  const keys = [
    'pgdemote_kswapd',
    'pgdemote_direct',
    'pgpromote_success',
    'pswpout',
    'pswpin',
    'allocstall_normal',
    'numa_miss',
    'oom_kill',
  ] as const;
  lines.push('  ' + keys.map((k) => `${k} ${vm[k]}`).join('  '));
  for (const t of r.tasks) {
    const state = t.oomKilled ? ' (OOM-killed)' : t.finished ? '' : ' (still running)';
    lines.push(
      `  task ${t.name}: ${t.references} refs, ${(t.throughput / 1e6).toFixed(2)} M refs/s, ${t.meanLatencyNs.toFixed(0)} ns/ref${state}`,
    );
  }
  for (const e of r.events.filter((e) => e.kind === 'oom_kill'))
    lines.push(`  ${e.atMs.toFixed(1)} ms: ${e.detail}`);
  return lines.join('\n') + '\n';
}
