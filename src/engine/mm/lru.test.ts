import { describe, expect, it } from 'vitest';
import { deriveMachine } from '../machine/index.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import { createMemState, NIL, takeFreeFrame, putFreeFrame, type MemState } from './mem-state.ts';
import { lruAdd, lruDel, lruMove, lruSize, lruvecTail } from './lru.ts';
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
