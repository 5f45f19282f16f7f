// The example a first run (and "New") starts from, named as an example so nobody takes it for their
// own edited scenario.
import { exampleScenarioFile, type ScenarioFile } from '../../shared/scenario/index.ts';

export const EXAMPLE_PREFIX = 'Example: ';

export function exampleDocument(): ScenarioFile {
  const file = exampleScenarioFile();
  return { ...file, name: `${EXAMPLE_PREFIX}${file.name}` };
}
