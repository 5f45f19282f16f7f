// The native open and save dialogs the renderer reaches through the bridge. Paths stay in the main
// process: the renderer gets a file's name and text, or gives a proposed name and text to save.
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { isOpenKind, type OpenedFile } from '../../shared/api/bridge.ts';
import { ApiError } from '../api/errors.ts';
import { describeSize, MAX_OPEN_BYTES, OPEN_DIALOGS, safeFileName, saveFilters } from './file-kinds.ts';

/** The folder of the last file opened or saved, offered first next time (this session only). */
let lastFolder: string | null = null;

function showOpen(parent: BrowserWindow | null, options: OpenDialogOptions) {
  return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
}

function showSave(parent: BrowserWindow | null, options: SaveDialogOptions) {
  return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
}

/** The chosen file's name and text, or null when the user cancels. */
export async function openTextFile(parent: BrowserWindow | null, kind: unknown): Promise<OpenedFile | null> {
  if (!isOpenKind(kind)) throw new ApiError('invalid', `unknown file kind "${String(kind)}"`);
  const { title, filters } = OPEN_DIALOGS[kind];
  const result = await showOpen(parent, {
    title,
    filters,
    properties: ['openFile'],
    ...(lastFolder ? { defaultPath: lastFolder } : {}),
  });
  const path = result.filePaths[0];
  if (result.canceled || path === undefined) return null;
  lastFolder = dirname(path);
  const { size } = await stat(path);
  if (size > MAX_OPEN_BYTES) {
    throw new ApiError(
      'invalid',
      `${basename(path)} is ${describeSize(size)}; Tierlab opens files up to ${describeSize(MAX_OPEN_BYTES)}.`,
    );
  }
  return { name: basename(path), text: await readFile(path, 'utf8') };
}

/** Saves `text` where the user chooses, proposing `filename`; the saved path, or null when cancelled. */
export async function saveTextFile(
  parent: BrowserWindow | null,
  filename: unknown,
  text: unknown,
): Promise<string | null> {
  if (typeof filename !== 'string' || typeof text !== 'string') {
    throw new ApiError('invalid', 'saveTextFile takes a file name and a text');
  }
  const name = safeFileName(filename);
  const result = await showSave(parent, {
    defaultPath: join(lastFolder ?? app.getPath('documents'), name),
    filters: saveFilters(name),
  });
  if (result.canceled || !result.filePath) return null;
  await writeFile(result.filePath, text, 'utf8');
  lastFolder = dirname(result.filePath);
  return result.filePath;
}
