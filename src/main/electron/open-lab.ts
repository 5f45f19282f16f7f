// Opens the lab at start. A refused database (not Tierlab's, corrupt, newer) is never deleted or
// overwritten: a native dialog names the file and the reason and offers another file, a new one, or quit.
import { dirname, join } from 'node:path';
import { dialog } from 'electron';
import { openLab, type Lab, type LabOptions } from '../api/lab.ts';
import { DatabaseRefusedError } from '../db/index.ts';
import { DB_FILE } from '../paths.ts';
import { describeRefusal } from './database-refusal.ts';

const DB_FILTERS = [
  { name: 'Tierlab databases', extensions: ['db', 'sqlite'] },
  { name: 'All files', extensions: ['*'] },
];

/** The open lab, or null when the user chose to quit or the lab cannot start at all. */
export async function openLabOrAsk(options: LabOptions): Promise<Lab | null> {
  let dbPath = options.dbPath;
  for (;;) {
    try {
      return openLab({ ...options, dbPath });
    } catch (error) {
      if (!(error instanceof DatabaseRefusedError)) {
        const why = error instanceof Error ? error.message : String(error);
        dialog.showErrorBox('Tierlab cannot start', `Opening the database ${dbPath} failed.\n\n${why}`);
        return null;
      }
      const next = await askForAnotherDatabase(error);
      if (next === null) return null;
      dbPath = next;
    }
  }
}

/** Asks until the user picks a file or quits; cancelling a file dialog returns to the question. */
async function askForAnotherDatabase(refused: DatabaseRefusedError): Promise<string | null> {
  const text = describeRefusal(refused);
  const folder = dirname(refused.path);
  for (;;) {
    const { response } = await dialog.showMessageBox({
      type: 'error',
      ...text,
      buttons: ['Open Another Database…', 'New Database…', 'Quit'],
      defaultId: 0,
      cancelId: 2,
      noLink: true,
    });
    if (response === 0) {
      const picked = await dialog.showOpenDialog({
        title: 'Open a Tierlab database',
        defaultPath: folder,
        properties: ['openFile'],
        filters: DB_FILTERS,
      });
      if (!picked.canceled && picked.filePaths[0]) return picked.filePaths[0];
    } else if (response === 1) {
      // An existing file chosen here is opened as it is (or refused again), never replaced.
      const chosen = await dialog.showSaveDialog({
        title: 'New Tierlab database',
        defaultPath: join(folder, `new-${DB_FILE}`),
        buttonLabel: 'Create',
        filters: DB_FILTERS,
      });
      if (!chosen.canceled && chosen.filePath) return chosen.filePath;
    } else {
      return null;
    }
  }
}
