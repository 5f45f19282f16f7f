import { describe, expect, it } from 'vitest';
import { createRun, saveResult } from '../../db/index.ts';
import { inProcessClient } from '../in-process.ts';
import { makeResult } from '../../../../tests/support/main/db.ts';
import { smallScenario, tempLab } from '../../../../tests/support/main/test-lab.ts';

type Policy = { preset: string; knobs: Record<string, unknown> };

/** A run kept in the lab with `document` as its scenario, the way a build before issue 13 stored it. */
function storedRun(document: Record<string, unknown>) {
  const lab = tempLab(0);
  const run = createRun(lab.db, { name: 'old', seed: 1, engineVersion: '0.3.1', scenario: document });
  saveResult(lab.db, run.id, makeResult());
  return { api: inProcessClient(lab), runId: run.id };
}

describe('a stored run document read back through the API', () => {
  it('gives a 6.12 linux run stored without lru_gen_enabled the classic LRU it ran', async () => {
    // smallScenario is linux on 6.12 and leaves lru_gen_enabled out: before issue 13 that was false.
    const doc = smallScenario({ name: 'before issue 13' });
    const policy = doc.policy as Policy;
    const { api, runId } = storedRun(doc);
    const classic = { ...doc, policy: { ...policy, knobs: { ...policy.knobs, lru_gen_enabled: false } } };
    expect((await api.call('run:get', { runId })).scenario).toEqual(classic);
    expect((await api.call('export:run', { runId })).result.scenario).toEqual(classic);
  });

  it('gives a run that pinned lru_gen_enabled its document as stored', async () => {
    const doc = smallScenario({ name: 'pinned' });
    (doc.policy as Policy).knobs.lru_gen_enabled = true;
    const { api, runId } = storedRun(doc);
    expect((await api.call('run:get', { runId })).scenario).toEqual(doc);
    expect((await api.call('export:run', { runId })).result.scenario).toEqual(doc);
  });
});
