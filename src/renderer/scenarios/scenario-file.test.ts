import { describe, expect, it } from 'vitest';
import { readScenarioText, scenarioFilename } from './scenario-file.ts';

describe('scenario files', () => {
  it('names the file after the scenario', () => {
    expect(scenarioFilename('usemem 1.5x DRAM, demotion on')).toBe(
      'usemem-1.5x-dram-demotion-on.tierlab.json',
    );
    expect(scenarioFilename('  ')).toBe('scenario.tierlab.json');
  });

  it('reads JSON, and says where the syntax breaks', () => {
    expect(readScenarioText('{"name": "x"}')).toEqual({ ok: true, document: { name: 'x' } });
    const bad = readScenarioText('{\n  "name": "x",\n}');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toMatch(/^not valid JSON at line 2, column 14/);
  });
});
