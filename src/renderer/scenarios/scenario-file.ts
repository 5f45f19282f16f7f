// Scenario files (`*.tierlab.json`) in and out: a file name from the scenario's name, and the JSON of
// a picked file, or the syntax error in words with its line and column.
import { parseScenarioText } from '../../shared/scenario/index.ts';

export const SCENARIO_FILE_SUFFIX = '.tierlab.json';

/** "usemem 1.5x DRAM, demotion on" -> "usemem-1.5x-dram-demotion-on.tierlab.json". */
export function scenarioFilename(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'scenario'}${SCENARIO_FILE_SUFFIX}`;
}

export function scenarioFileText(document: unknown): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export type FileRead = { ok: true; document: unknown } | { ok: false; message: string };

/** Only JSON syntax is checked here; the scenario's own problems show in the editor once loaded. */
export function readScenarioText(text: string): FileRead {
  try {
    return { ok: true, document: JSON.parse(text.replace(/^\uFEFF/, '')) as unknown };
  } catch {
    const parsed = parseScenarioText(text);
    const message = parsed.ok ? 'not valid JSON' : (parsed.errors[0]?.message ?? 'not valid JSON');
    return { ok: false, message };
  }
}
