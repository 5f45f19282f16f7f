import { describe, expect, it } from 'vitest';
import { deriveMachine } from '../machine/index.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { createMemState, NIL, takeFreeFrame, putFreeFrame, type MemState } from './mem-state.ts';
import { lruAdd, lruDel, lruDelTail, lruMove, lruSize, lruvecOf, lruvecSize, lruvecTail } from './lru.ts';
import { LRU_ACTIVE_ANON, LRU_INACTIVE_ANON, LRU_INACTIVE_FILE, PG } from './page-flags.ts';

function memory(): MemState {
  const s = twoTierScenario();
  return createMemState(deriveMachine(s.machine, s.policy.knobs), 16, s.machine.pageSize);
}

function walk(m: MemState, list: number): number[] {
  const out: number[] = [];
  for (let p = m.lruHead[list]!; p !== NIL; p = m.lruNext[p]!) out.push(p);
  return out;
}

describe('LRU lists', () => {
  it('adds new pages at the head so the tail is the oldest', () => {
    const m = memory();
    const pages = [takeFreeFrame(m, 0), takeFreeFrame(m, 0), takeFreeFrame(m, 0)];
    for (const p of pages) lruAdd(m, p);
    expect(walk(m, LRU_INACTIVE_ANON)).toEqual([...pages].reverse());
    expect(lruvecTail(m, 0, LRU_INACTIVE_ANON)).toBe(pages[0]);
    expect(lruSize(m, 0, LRU_INACTIVE_ANON)).toBe(3);
  });

  it('moves a page between lists by its flags and keeps both lists linked', () => {
    const m = memory();
    const [a, b, c] = [takeFreeFrame(m, 0), takeFreeFrame(m, 0), takeFreeFrame(m, 0)];
    for (const p of [a, b, c]) lruAdd(m, p);
    lruMove(m, b, PG.active, 0);
    expect(walk(m, LRU_INACTIVE_ANON)).toEqual([c, a]);
    expect(walk(m, LRU_ACTIVE_ANON)).toEqual([b]);
    lruDel(m, a);
    expect(walk(m, LRU_INACTIVE_ANON)).toEqual([c]);
    expect(m.flags[a]! & PG.lru).toBe(0);
    expect(lruvecTail(m, 0, LRU_INACTIVE_ANON)).toBe(c);
  });

  it('keeps file pages on the file lists and counts dirty page cache', () => {
    const m = memory();
    const p = takeFreeFrame(m, 1);
    m.flags[p] = m.flags[p]! | PG.file | PG.dirty;
    lruAdd(m, p);
    expect(lruSize(m, 1, LRU_INACTIVE_FILE)).toBe(1);
    expect(m.nrDirty[1]).toBe(1);
    lruDel(m, p);
    expect(m.nrDirty[1]).toBe(0);
  });

  it('reuses freed frames and counts free pages per node', () => {
    const m = memory();
    const before = m.nrFree[0]!;
    const p = takeFreeFrame(m, 0);
    expect(m.nrFree[0]).toBe(before - 1);
    putFreeFrame(m, p);
    expect(m.nrFree[0]).toBe(before);
    expect(takeFreeFrame(m, 0)).toBe(p);
  });
});

describe('lruvecs of memory cgroups', () => {
  it("keeps each memcg's pages on its own lists of the node, and the node's size over all of them", () => {
    const s = twoTierScenario();
    const m = createMemState(deriveMachine(s.machine, s.policy.knobs), 16, s.machine.pageSize, false, 3);
    const root = takeFreeFrame(m, 0);
    const a = [takeFreeFrame(m, 0), takeFreeFrame(m, 0)];
    const b = takeFreeFrame(m, 0);
    lruAdd(m, root);
    for (const p of a) {
      m.memcg[p] = 1;
      lruAdd(m, p);
    }
    m.memcg[b] = 2;
    lruAdd(m, b);
    // lruvec = memcg * nrNodes + node; two nodes here.
    expect(lruvecOf(m, 1, 0)).toBe(2);
    expect(walk(m, lruvecOf(m, 0, 0) * 4 + LRU_INACTIVE_ANON)).toEqual([root]);
    expect(walk(m, lruvecOf(m, 1, 0) * 4 + LRU_INACTIVE_ANON)).toEqual([a[1], a[0]]);
    expect(walk(m, lruvecOf(m, 2, 0) * 4 + LRU_INACTIVE_ANON)).toEqual([b]);
    expect(lruvecSize(m, lruvecOf(m, 1, 0), LRU_INACTIVE_ANON)).toBe(2);
    expect(lruSize(m, 0, LRU_INACTIVE_ANON)).toBe(4);
    lruDel(m, a[0]!);
    expect(lruvecTail(m, lruvecOf(m, 1, 0), LRU_INACTIVE_ANON)).toBe(a[1]);
    expect(lruSize(m, 0, LRU_INACTIVE_ANON)).toBe(3);
  });
});

describe('unlinking a run from the tail (reclaim isolation)', () => {
  /** Two identical states: memcg 1's dirty file pages on node 1, a clean one among them. */
  function twin(): { m: MemState; pages: number[] } {
    const s = twoTierScenario();
    const m = createMemState(deriveMachine(s.machine, s.policy.knobs), 16, s.machine.pageSize, false, 2);
    const pages = Array.from({ length: 6 }, () => takeFreeFrame(m, 1));
    for (const [i, p] of pages.entries()) {
      m.memcg[p] = 1;
      m.flags[p] = m.flags[p]! | PG.file | (i === 4 ? 0 : PG.dirty);
      lruAdd(m, p);
    }
    return { m, pages };
  }

  it.each([4, 6])('leaves lists, sizes, dirty counts and links as %i lruDel calls from the tail do', (n) => {
    const a = twin();
    const b = twin();
    const lruvec = lruvecOf(a.m, 1, 1);
    const run = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      run[i] = lruvecTail(b.m, lruvec, LRU_INACTIVE_FILE);
      lruDel(b.m, run[i]!); // the reference: one page after another
    }
    expect([...run]).toEqual(a.pages.slice(0, n)); // the oldest first
    lruDelTail(a.m, lruvec, LRU_INACTIVE_FILE, run, n, n);
    for (const key of [
      'lruHead',
      'lruTail',
      'lruSize',
      'nodeLruSize',
      'nrDirty',
      'flags',
      'lruNext',
      'lruPrev',
    ] as const)
      expect([...a.m[key]], key).toEqual([...b.m[key]]);
    expect(walk(a.m, lruvec * 4 + LRU_INACTIVE_FILE)).toEqual(a.pages.slice(n).reverse());
    expect(a.m.nrDirty[1]).toBe(n === 6 ? 0 : 1);
  });
});
