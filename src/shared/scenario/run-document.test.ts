import { describe, expect, it } from 'vitest';
import { pinRunDocument, storedRunDocument } from './run-document.ts';
import { editedExample, resolves } from '../../../tests/support/shared/scenario.ts';

type Doc = { policy: { preset?: string; kernel?: string; knobs?: Record<string, unknown> } };
const withPolicy = (policy: Doc['policy']) => editedExample([['policy'], policy]) as Doc;
const knobsOf = (doc: unknown) => (doc as Doc).policy.knobs;

describe('the document a run keeps', () => {
  it('pins lru_gen_enabled as a new 6.12 linux run resolved it, leaving the rest as written', () => {
    const doc = withPolicy({ preset: 'linux', knobs: { swappiness: 100 } });
    const pinned = pinRunDocument(doc, resolves(doc));
    expect(knobsOf(pinned)).toEqual({ swappiness: 100, lru_gen_enabled: true });
    expect(knobsOf(doc)).toEqual({ swappiness: 100 });
  });

  it('pins the classic LRU for a 6.1 run and keeps a knob the file sets', () => {
    const old = withPolicy({ preset: 'linux-tiering', kernel: '6.1' });
    expect(knobsOf(pinRunDocument(old, resolves(old)))).toEqual({ lru_gen_enabled: false });
    const off = withPolicy({ preset: 'linux', knobs: { lru_gen_enabled: false } });
    expect(knobsOf(pinRunDocument(off, resolves(off)))).toEqual({ lru_gen_enabled: false });
  });

  it('pins nothing for a preset whose kernel is its own', () => {
    const doc = withPolicy({ preset: 'damon-tiering' });
    expect(pinRunDocument(doc, resolves(doc))).toBe(doc);
  });
});

describe('a stored run document read back', () => {
  it('reads a 6.12 linux run stored before the default moved as the classic LRU it ran', () => {
    expect(knobsOf(storedRunDocument(withPolicy({ preset: 'linux', knobs: {} })))).toEqual({
      lru_gen_enabled: false,
    });
    // A document without knobs or a policy at all is a default linux 6.12 scenario too.
    const bare = editedExample([['policy'], undefined]) as Doc;
    expect(knobsOf(storedRunDocument(bare))).toEqual({ lru_gen_enabled: false });
  });

  it('leaves a pinned document, a research preset and a run without a document as they are', () => {
    const pinned = withPolicy({ preset: 'linux', knobs: { lru_gen_enabled: true } });
    expect(storedRunDocument(pinned)).toBe(pinned);
    const damon = withPolicy({ preset: 'damon-tiering' });
    expect(storedRunDocument(damon)).toBe(damon);
    expect(storedRunDocument(null)).toBeNull();
  });

  it('resolves a read-back unpinned document to the classic LRU and a pinned one to what it ran', () => {
    const unpinned = withPolicy({ preset: 'linux' });
    expect(resolves(storedRunDocument(unpinned)).policy.knobs.lru_gen_enabled).toBe(false);
    const pinned = pinRunDocument(unpinned, resolves(unpinned));
    expect(resolves(storedRunDocument(pinned)).policy.knobs.lru_gen_enabled).toBe(true);
  });
});
