import { describe, expect, it } from 'vitest';
import { comparisonNotes } from './notes.ts';
import { makeNode, makeRun, makeTask } from '../../../tests/support/main/compare.ts';

// 1000 + 1000 pages of memory: heavy swapping is more than 200 pages out.
const nodes = [makeNode({ id: 0, capacityPages: 1000 }), makeNode({ id: 1, capacityPages: 1000 })];
const run = (throughput: number, pswpout = 0) =>
  makeRun({ nodes, tasks: [makeTask({ throughput })] }, { pswpout });

describe('comparisonNotes', () => {
  it('notes a run that swapped more than a tenth of its memory, and not one at the limit', () => {
    const notes = comparisonNotes(
      [
        { label: 'base', runIds: [1, 2], results: [run(1000, 200), run(1000, 500)] },
        { label: 'other', runIds: [3], results: [run(1000)] },
      ],
      0,
    );
    expect(notes).toEqual(['run 2 (base) swapped heavily: pswpout 500 pages, 25% of its memory']);
  });

  it('notes a run below half of the baseline Hmean throughput, never the baseline itself', () => {
    // Baseline Hmean of 1000 and 3000 is 2 / (1/1000 + 1/3000) = 1500; 700 is below 750, 800 is not.
    const notes = comparisonNotes(
      [
        { label: 'fast', runIds: [1, 2], results: [run(1000), run(3000)] },
        { label: 'slow', runIds: [3, 4], results: [run(700), run(800)] },
      ],
      0,
    );
    expect(notes).toEqual(["run 3 (slow) lost 53% of the baseline's throughput"]);
  });
});
