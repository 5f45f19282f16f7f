// Reading a scenario file from disk: every problem reported at once, by JSON path.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { resolveTracePaths } from './trace/attach.ts';
import { formatScenarioErrors, parseScenarioText } from '../shared/scenario/index.ts';
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
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new ScenarioFileError(
      file,
      `  cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
    );
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new ScenarioFileError(file, formatScenarioErrors(parsed.errors));
  resolveTracePaths(parsed.scenario, dirname(file));
  return { scenario: parsed.scenario, document: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
}
