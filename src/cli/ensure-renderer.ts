// Web mode needs the built renderer (out/renderer). A fresh clone has none, so the first `serve`
// builds it with the project's own electron-vite rather than serving an app-less API.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError } from './args.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RENDERER_DIR = fileURLToPath(new URL('../../out/renderer', import.meta.url));
const ELECTRON_VITE = fileURLToPath(new URL('../../node_modules/.bin/electron-vite', import.meta.url));

/** The built renderer's folder, building it first when it is missing; a clear error when it cannot. */
export function ensureRenderer(): string {
  if (existsSync(`${RENDERER_DIR}/index.html`)) return RENDERER_DIR;
  if (!existsSync(ELECTRON_VITE))
    throw new UsageError(
      'the app is not built (no out/renderer) and electron-vite is missing: run `npm ci` then `npm run build`',
    );
  process.stderr.write('building the app once (out/renderer is missing)...\n');
  const r = spawnSync(ELECTRON_VITE, ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 || !existsSync(`${RENDERER_DIR}/index.html`))
    throw new UsageError('building the app failed (see above): run `npm run build` and look at its errors');
  return RENDERER_DIR;
}
