import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../shared/scenario/parse.ts';
import { exampleScenarioFile } from '../../shared/scenario/example.ts';
import { commonFieldsFor, hasMempolicy, newWorkload, TYPE_FIELDS } from './workload-fields.ts';

describe('the stream antagonist in the workload form', () => {
  it('offers only the fields its schema takes: name, times, node, bandwidth, read ratio, bursts', () => {
    const keys = [...commonFieldsFor('stream'), ...(TYPE_FIELDS.stream ?? [])].map((f) => f.key);
    expect(keys).toEqual([
      'name',
      'startMs',
      'stopMs',
      'node',
      'bandwidthGBps',
      'readRatio',
      'onMs',
      'offMs',
    ]);
    expect(hasMempolicy('stream')).toBe(false);
    expect(hasMempolicy('hotset')).toBe(true);
  });

  it('starts a new one that parses as it stands', () => {
    const file = exampleScenarioFile();
    const w = newWorkload('stream', ['memhog']);
    const parsed = parseScenario({ ...file, workload: [...file.workload, w] });
    expect(parsed.ok).toBe(true);
  });
});
