#!/usr/bin/env node
// Launches the CLI from its TypeScript sources. Node >= 22.18 strips types by itself; older 22.x
// needs the flag, so re-exec with it when the running Node does not support TypeScript yet.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const [major] = process.versions.node.split('.').map(Number);
if (major < 22) {
  console.error(`tierlab needs Node >= 22.12 (this is ${process.version}); run it through npx or npm run.`);
  process.exit(1);
}
if (process.features.typescript) {
  process.argv.splice(1, 1, entry);
  await import(entry);
} else {
  const r = spawnSync(
    process.execPath,
    ['--experimental-strip-types', '--no-warnings=ExperimentalWarning', entry, ...process.argv.slice(2)],
    { stdio: 'inherit' },
  );
  process.exit(r.status ?? 1);
}
