// trace:import: a lackey trace sent from the UI is read through (so a malformed line is reported
// now, not at run time) and kept in a `traces` folder beside the database, named by its content.
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseTraceFile, TraceError } from '../../trace/trace-file.ts';
import { ApiError } from '../errors.ts';
import type { Handlers } from '../handler.ts';
import type { Lab } from '../lab.ts';

/** A file name that is safe on every platform, keeping the user's name recognisable. */
function safeName(name: string): string {
  return (
    basename(name)
      .replace(/[^\w.-]+/g, '_')
      .slice(0, 100) || 'trace'
  );
}

/** Where the lab keeps imported traces: beside its database. Only these can be run through the API. */
export function labTracesDir(lab: Lab): string {
  return join(dirname(lab.dbPath), 'traces');
}

export const traceHandlers: Handlers<'trace:import'> = {
  'trace:import': async (lab, { name, base64 }) => {
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length === 0) throw new ApiError('invalid', `${name}: the file is empty`);
    const digest = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
    const dir = labTracesDir(lab);
    const file = join(dir, `${digest}-${safeName(name)}`);
    await mkdir(dir, { recursive: true });
    await writeFile(file, bytes);
    try {
      const counts = await parseTraceFile(file, 4096, () => {});
      return { file, counts };
    } catch (e) {
      await rm(file, { force: true });
      if (e instanceof TraceError) throw new ApiError('invalid', e.message.replace(file, name));
      throw e;
    }
  },
};
