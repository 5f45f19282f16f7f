#!/usr/bin/env node
// `npm start`: opens the desktop app with electron-vite preview. Electron fetches its binary on
// first launch; where that cannot be downloaded (no internet, a closed network) say what to do
// instead of leaving electron's own "uninstall" message.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
const r = spawnSync(bin('electron-vite'), ['preview', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
if (r.status !== 0 && !existsSync(fileURLToPath(new URL('../node_modules/electron/dist', import.meta.url)))) {
  console.error(
    '\nThe Electron binary is not installed and could not be downloaded (it comes from GitHub on first launch).\n' +
      'Connect to the internet and run `npx install-electron`, then `npm start` again; or use the same app\n' +
      'in a browser without Electron: `npm run web`.',
  );
}
process.exit(r.status ?? 1);
