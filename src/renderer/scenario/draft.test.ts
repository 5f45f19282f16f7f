import { describe, expect, it } from 'vitest';
import { exampleScenarioFile } from '../../shared/scenario/index.ts';
import { documentFromDraft, draftFromDocument, draftJson, isDraftScenario } from './draft.ts';

describe('scenario drafts', () => {
  it('round-trips a scenario file unchanged', () => {
    const file = exampleScenarioFile();
    expect(documentFromDraft(draftFromDocument(file))).toEqual(file);
  });

  it('starts missing parts empty so any JSON can be edited', () => {
    const draft = draftFromDocument({ name: 'half', machine: { nodes: 'none' } });
    expect(draft.machine.nodes).toEqual([]);
    expect(draft.workload).toEqual([]);
    expect(draft.policy).toEqual({ preset: 'linux', knobs: {} });
    expect(isDraftScenario(draft)).toBe(true);
  });

  it('keeps unknown fields for the validator to name', () => {
    const draft = draftFromDocument({ name: 'x', colour: 'red', machine: { nodes: [{ id: 0, hue: 1 }] } });
    expect(documentFromDraft(draft)).toMatchObject({
      colour: 'red',
      machine: { nodes: [{ id: 0, hue: 1 }] },
    });
  });

  it('leaves out empty fields, which mean "the default"', () => {
    const draft = draftFromDocument(exampleScenarioFile());
    draft.run.tickMs = '';
    draft.machine.nodes[1]!.readLatencyNs = undefined;
    const doc = documentFromDraft(draft) as { run: object; machine: { nodes: object[] } };
    expect(doc.run).not.toHaveProperty('tickMs');
    expect(doc.machine.nodes[1]).not.toHaveProperty('readLatencyNs');
  });

  it('compares a stored document as the editor will save it, so opening it changes nothing', () => {
    const stored = { name: 'no run settings', machine: { nodes: [] }, policy: { preset: 'linux' } };
    const opened = draftFromDocument(stored);
    expect(JSON.stringify(documentFromDraft(opened))).toBe(draftJson(stored));
    expect(JSON.stringify(documentFromDraft(stored))).not.toBe(draftJson(stored));
  });
});
