// Where the lab keeps its database by default: the platform's app-data folder, the same place
// Electron's app.getPath('userData') gives for an app named Tierlab.
import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Tierlab';
export const DB_FILE = 'tierlab.db';

export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}

export function defaultDbPath(): string {
  return process.env.TIERLAB_DB ?? join(userDataDir(), DB_FILE);
}
