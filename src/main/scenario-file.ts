// Reading a scenario file from disk: every problem reported at once, by JSON path.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { resolveTracePaths } from './trace/attach.ts';
import { formatScenarioErrors, parseScenarioText } from '../shared/scenario/index.ts';
import { encodingError } from '../shared/scenario/text-encoding.ts';
import type { ResolvedScenario } from '../shared/scenario/resolved.ts';

export class ScenarioFileError extends Error {
  constructor(file: string, details: string) {
    super(`${file}: invalid scenario\n${details}`);
    this.name = 'ScenarioFileError';
  }
}

export interface ScenarioFileContents {
  scenario: ResolvedScenario;
  /** The file's JSON as written. */
  document: unknown;
}

export async function readScenarioDocument(file: string): Promise<ScenarioFileContents> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw new ScenarioFileError(
      file,
      `  cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  const notText = encodingError(bytes);
  if (notText) throw new ScenarioFileError(file, formatScenarioErrors([notText]));
  const text = bytes.toString('utf8');
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new ScenarioFileError(file, formatScenarioErrors(parsed.errors));
  resolveTracePaths(parsed.scenario, dirname(file));
  return { scenario: parsed.scenario, document: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
}
