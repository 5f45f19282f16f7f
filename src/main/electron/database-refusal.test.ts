import { describe, expect, it } from 'vitest';
import { DatabaseRefusedError, type RefusalReason } from '../db/index.ts';
import { describeRefusal } from './database-refusal.ts';

const REASONS: RefusalReason[] = [
  'not-a-database',
  'corrupt',
  'foreign',
  'newer',
  'migration-order',
  'migration-failed',
  'not-a-file',
  'cannot-create',
  'read-only',
];
const PATH = '/home/u/.config/Tierlab/tierlab.db';

describe('describeRefusal', () => {
  it('gives each refusal its own headline and names the file first', () => {
    const headlines = new Set<string>();
    for (const reason of REASONS) {
      const text = describeRefusal(new DatabaseRefusedError(PATH, reason, 'it is odd.'));
      headlines.add(text.message);
      expect(text.detail.split('\n\n')[0]).toBe(PATH);
      expect(text.detail).toMatch(/stays as it is/);
    }
    expect(headlines.size).toBe(REASONS.length);
  });

  it("keeps the database layer's specific reason without repeating the path", () => {
    const refused = new DatabaseRefusedError(
      PATH,
      'corrupt',
      'it is corrupt (quick_check: page 7 is never used).',
    );
    const [, why] = describeRefusal(refused).detail.split('\n\n');
    expect(why).toBe('It is corrupt (quick_check: page 7 is never used). The file was left untouched.');
  });

  it('tells the user to update Tierlab for a database from a newer version', () => {
    const text = describeRefusal(
      new DatabaseRefusedError(PATH, 'newer', 'it was written by a newer Tierlab.'),
    );
    expect(text.message).toMatch(/newer Tierlab/);
    expect(text.detail).toMatch(/Update Tierlab/);
  });
});
