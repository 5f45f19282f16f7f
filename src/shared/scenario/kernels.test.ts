import { describe, expect, it } from 'vitest';
import { editedExample, errorsOf, resolves } from '../../../tests/support/shared/scenario.ts';
import { toScenarioFile } from './serialize.ts';
import { KERNEL_CHANGES, changesIn } from './kernels.ts';
import { documentKernel } from './run-kernel.ts';

const messages = (edits: Parameters<typeof editedExample>) =>
  errorsOf(editedExample(...edits)).map((e) => `${e.path}: ${e.message}`);

describe('the kernel a policy runs', () => {
  it('is 6.12, the newer, when a mainline policy names none', () => {
    expect(resolves(editedExample([['policy'], { preset: 'linux' }])).policy.kernel).toBe('6.12');
    expect(resolves(editedExample([['policy'], { preset: 'linux-tiering' }])).policy.kernel).toBe('6.12');
  });

  it('is the one the policy names', () => {
    const s = resolves(editedExample([['policy'], { preset: 'linux-tiering', kernel: '6.1' }]));
    expect(s.policy.kernel).toBe('6.1');
  });

  it("is the series' own (null) for the research presets, which take no kernel field", () => {
    for (const preset of [
      'no-tiering',
      'hansen-2020',
      'yang-shi-v3',
      'wu-2018-daemon',
      'tpp',
      'damon-tiering',
    ])
      expect(resolves(editedExample([['policy'], { preset }])).policy.kernel).toBeNull();
  });

  it('refuses a version Tierlab does not model, naming the field and the choices', () => {
    expect(messages([[['policy'], { preset: 'linux', kernel: '5.10' }]])).toEqual([
      'policy.kernel: unknown kernel "5.10"; kernels: 6.1, 6.12',
    ]);
  });

  it('refuses a kernel on a research preset, saying which kernel it keeps and why', () => {
    const [message] = messages([[['policy'], { preset: 'tpp', kernel: '6.12' }]]);
    expect(message).toMatch(/^policy\.kernel: preset "tpp" runs the kernel its series was written for \(/);
    expect(message).toMatch(/WMARK_DEMOTE/);
  });

  it('refuses weighted interleave on 6.1, which predates MPOL_WEIGHTED_INTERLEAVE (v6.9)', () => {
    const policy = { mode: 'weighted_interleave', nodes: [0, 1] };
    const edits: Parameters<typeof editedExample> = [
      [['policy'], { preset: 'linux', kernel: '6.1' }],
      [['workload', 0, 'mempolicy'], policy],
    ];
    expect(messages(edits)).toEqual([
      'workload.0.mempolicy.mode: kernel 6.1 has no weighted_interleave (MPOL_WEIGHTED_INTERLEAVE came in v6.9); use interleave, or kernel "6.12"',
    ]);
    expect(resolves(editedExample([['workload', 0, 'mempolicy'], policy])).policy.kernel).toBe('6.12');
  });

  it('is written back to the file, and read back from a stored document', () => {
    const s = resolves(editedExample([['policy'], { preset: 'linux', kernel: '6.1' }]));
    const file = toScenarioFile(s);
    expect(file.policy?.kernel).toBe('6.1');
    expect(documentKernel(file)).toBe('6.1');
    expect(documentKernel({ policy: { preset: 'linux' } })).toBe('6.12');
    expect(documentKernel({ policy: { preset: 'tpp' } })).toBeNull();
  });

  it('lists each change under the version that has it, with a source', () => {
    expect(changesIn('6.12').length + changesIn('6.1').length).toBe(KERNEL_CHANGES.length);
    for (const c of KERNEL_CHANGES) expect(c.source).toMatch(/v6\.\d+/);
  });
});
