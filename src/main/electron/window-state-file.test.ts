import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readWindowState, writeWindowState } from './window-state-file.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tierlab-window-state-'));
  dirs.push(dir);
  return dir;
}

describe('the window state file', () => {
  it('reads back what was written, creating the folder, leaving no temporary file', () => {
    const dir = join(tempDir(), 'Tierlab');
    const path = join(dir, 'window-state.json');
    const state = { bounds: { x: 40, y: 50, width: 1000, height: 700 }, maximized: true };
    writeWindowState(path, state);
    expect(readWindowState(path)).toEqual(state);
    expect(readdirSync(dir)).toEqual(['window-state.json']);
  });

  it('is no saved state when missing, not JSON, or the wrong shape', () => {
    const dir = tempDir();
    expect(readWindowState(join(dir, 'absent.json'))).toBeNull();
    writeFileSync(join(dir, 'broken.json'), '{"bounds": {');
    expect(readWindowState(join(dir, 'broken.json'))).toBeNull();
    writeFileSync(join(dir, 'shape.json'), JSON.stringify({ bounds: [1, 2, 3, 4], maximized: false }));
    expect(readWindowState(join(dir, 'shape.json'))).toBeNull();
  });
});
