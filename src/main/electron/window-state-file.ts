// Reads and writes the window state file in userData. A missing or damaged file means "no saved
// state"; writes go to a temporary file renamed into place, so a crash never leaves half a file.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseWindowState, type WindowState } from './window-state.ts';

export const WINDOW_STATE_FILE = 'window-state.json';

export function readWindowState(path: string): WindowState | null {
  try {
    return parseWindowState(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return null;
  }
}

/** Throws when the folder cannot be written; the caller decides whether that matters. */
export function writeWindowState(path: string, state: WindowState): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, path);
}
