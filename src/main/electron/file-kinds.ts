// The files the renderer may open and save through native dialogs: their filters, the largest file
// read into memory, and a safe default name for a save. Pure, so the rules are tested without Electron.
import type { FileFilter } from 'electron';
import type { OpenKind } from '../../shared/api/bridge.ts';

/** A file read whole into the renderer; larger traces should be cut down first. */
export const MAX_OPEN_BYTES = 256 * 1024 * 1024;

const ALL_FILES: FileFilter = { name: 'All files', extensions: ['*'] };

// Filters take single extensions (macOS ignores "tierlab.json"), so scenarios are offered as *.json.
export const OPEN_DIALOGS: Record<OpenKind, { title: string; filters: FileFilter[] }> = {
  scenario: {
    title: 'Open scenario',
    filters: [{ name: 'Tierlab scenarios (*.tierlab.json)', extensions: ['json'] }, ALL_FILES],
  },
  trace: {
    title: 'Import lackey trace',
    filters: [
      { name: 'Valgrind lackey traces', extensions: ['trace', 'lackey', 'txt', 'out', 'log'] },
      ALL_FILES,
    ],
  },
};

/** Filters for saving `filename`, its own kind first. */
export function saveFilters(filename: string): FileFilter[] {
  const lower = filename.toLowerCase();
  if (lower.endsWith('.tierlab.json'))
    return [{ name: 'Tierlab scenarios', extensions: ['json'] }, ALL_FILES];
  if (lower.endsWith('.csv')) return [{ name: 'CSV', extensions: ['csv'] }, ALL_FILES];
  if (lower.endsWith('.json')) return [{ name: 'JSON', extensions: ['json'] }, ALL_FILES];
  return [ALL_FILES];
}

/**
 * The renderer's proposed name reduced to a plain file name: no folders, no characters Windows or
 * macOS refuse, no leading dots. Example: "../runs/12:a?.csv" becomes "12_a_.csv".
 */
export function safeFileName(proposed: string): string {
  const base = proposed.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\p{Cc}/gu, '')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 200);
  return cleaned === '' ? 'untitled' : cleaned;
}

export function describeSize(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}
