import { describe, expect, it } from 'vitest';
import { engineOf } from './document-facts.ts';

describe('engineOf', () => {
  it('reads the engine a scenario document asks for', () => {
    expect(engineOf({ run: { engine: 'exact' } })).toBe('exact');
  });

  it('falls back to the default engine when the document names none or no known one', () => {
    expect(engineOf({ run: { seed: 1 } })).toBe('rate');
    expect(engineOf({ run: { engine: 'fast' } })).toBe('rate');
    expect(engineOf(null)).toBe('rate');
  });
});
