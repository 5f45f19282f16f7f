import { describe, expect, it } from 'vitest';
import { deriveMachine } from '../machine/index.ts';
import { twoTierScenario } from '../../../tests/support/engine/scenarios.ts';
import {
  findWholeFreeBlock,
  freeWholeBlock,
  MIGRATE_MOVABLE,
  MIGRATE_UNMOVABLE,
  nrFreePageblocks,
  pageblockOf,
  takeWholeBlock,
  type Migratetype,
} from './free-area.ts';
import { isThpHead } from './folio.ts';
import { createMemState, putFreeFrame, takeFreeFrame, type MemState } from './mem-state.ts';

/** DRAM 64 MiB at 4 KiB pages: 16384 frames, 32 pageblocks of 512 (pfns 0..16383). */
function memory(): MemState {
  const s = twoTierScenario();
  return createMemState(deriveMachine(s.machine, s.policy.knobs), 16, s.machine.pageSize);
}

function take(m: MemState, nr: number, mt: Migratetype = MIGRATE_MOVABLE): number[] {
  return Array.from({ length: nr }, () => takeFreeFrame(m, 0, mt));
}

const blockOf = (m: MemState, pfn: number) => pageblockOf(m.area, 0, 0, pfn);

/** Node 0 fully allocated (movable), then the first `free` frames of block 0 freed again. */
function fullButBlock0(free: number): MemState {
  const m = memory();
  take(m, 16384);
  for (let pfn = 0; pfn < free; pfn++) putFreeFrame(m, pfn);
  return m;
}

describe('free lists by pageblock', () => {
  it('start with every pageblock movable and free', () => {
    const m = memory();
    expect(m.area.pageblockNr).toBe(512);
    expect(nrFreePageblocks(m.area, 0)).toBe(32);
    expect([...m.area.type.subarray(0, 32)].every((t) => t === MIGRATE_MOVABLE)).toBe(true);
  });

  it('fill one pageblock before breaking another, so the rest stay whole', () => {
    const m = memory();
    const pfns = take(m, 513);
    expect(pfns.slice(0, 512).every((p) => blockOf(m, p) === 0)).toBe(true);
    expect(blockOf(m, pfns[512]!)).toBe(1);
    expect(nrFreePageblocks(m.area, 0)).toBe(30);
    expect(m.nrFree[0]).toBe(16384 - 513);
  });

  it('make a pageblock whole again when its last page comes back', () => {
    const m = memory();
    const pfns = take(m, 512);
    expect(nrFreePageblocks(m.area, 0)).toBe(31);
    for (const p of pfns) putFreeFrame(m, p);
    expect(nrFreePageblocks(m.area, 0)).toBe(32);
  });

  it('take the fullest block of a type first (__rmqueue_smallest: smallest order first)', () => {
    const m = fullButBlock0(0);
    // Block 3 gets 10 free pages, block 5 gets 200: the next page comes from block 3.
    for (let i = 0; i < 10; i++) putFreeFrame(m, 3 * 512 + i);
    for (let i = 0; i < 200; i++) putFreeFrame(m, 5 * 512 + i);
    expect(blockOf(m, takeFreeFrame(m, 0))).toBe(3);
  });
});

describe('__rmqueue_fallback and steal_suitable_fallback', () => {
  it('give a first unmovable page a whole free pageblock, taken over without fragmenting', () => {
    const m = memory();
    const pt = takeFreeFrame(m, 0, MIGRATE_UNMOVABLE);
    expect(m.area.type[blockOf(m, pt)]).toBe(MIGRATE_UNMOVABLE);
    expect(m.area.nrFragmenting[0]).toBe(0);
    // Movable pages now stay out of that block; the next unmovable one comes from it.
    expect(blockOf(m, takeFreeFrame(m, 0))).not.toBe(blockOf(m, pt));
    expect(blockOf(m, takeFreeFrame(m, 0, MIGRATE_UNMOVABLE))).toBe(blockOf(m, pt));
  });

  it('claim a partly used movable block for an unmovable page when half of it is free', () => {
    // 300 free + 0 alike (212 movable pages) >= 256: the block becomes unmovable.
    const m = fullButBlock0(300);
    takeFreeFrame(m, 0, MIGRATE_UNMOVABLE);
    expect(m.area.type[0]).toBe(MIGRATE_UNMOVABLE);
    expect(m.area.nrFragmenting[0]).toBe(1);
    takeFreeFrame(m, 0, MIGRATE_UNMOVABLE);
    expect(m.area.nrFragmenting[0]).toBe(1);
  });

  it('leave a block under half free its type, but keep taking its moved free pages', () => {
    // 100 free + 0 alike < 256: not claimed; move_freepages_block still moved its 100 free pages.
    const m = fullButBlock0(100);
    takeFreeFrame(m, 0, MIGRATE_UNMOVABLE);
    expect(m.area.type[0]).toBe(MIGRATE_MOVABLE);
    take(m, 98, MIGRATE_UNMOVABLE);
    expect(m.area.nrFragmenting[0]).toBe(1);
    expect(m.nrFree[0]).toBe(1);
  });

  it('let movable pages claim back a mostly free unmovable block', () => {
    // Block 0 went unmovable for one page; with the node otherwise full, a movable page falls back
    // there: 511 free >= 256, so the block turns movable.
    const m = memory();
    takeFreeFrame(m, 0, MIGRATE_UNMOVABLE);
    take(m, 16384 - 512);
    takeFreeFrame(m, 0);
    expect(m.area.type[0]).toBe(MIGRATE_MOVABLE);
    expect(m.area.nrFragmenting[0]).toBe(1);
  });

  it("count a movable block's unmovable pages as alike when an unmovable page falls back to it", () => {
    // Block 0: 200 unmovable pages, then (claimed back as movable) 211 movable, 101 free. An
    // unmovable page falling back there has free 101 + alike 512 - 101 - 211 = 200 >= 256: claimed.
    const m = memory();
    take(m, 200, MIGRATE_UNMOVABLE);
    take(m, 16384 - 512);
    take(m, 211);
    expect(m.area.type[0]).toBe(MIGRATE_MOVABLE);
    takeFreeFrame(m, 0, MIGRATE_UNMOVABLE);
    expect(m.area.type[0]).toBe(MIGRATE_UNMOVABLE);
    expect(m.area.nrFragmenting[0]).toBe(2);
  });

  it('move a movable page that may not steal one page at a time, fragmenting each time', () => {
    // Block 0 unmovable with 11 free pages (order 3 < 4): single_page, and the block keeps its type.
    const m = memory();
    take(m, 501, MIGRATE_UNMOVABLE);
    take(m, 16384 - 512);
    expect(m.nrFree[0]).toBe(11);
    take(m, 3);
    expect(m.area.nrFragmenting[0]).toBe(3);
    expect(m.area.type[0]).toBe(MIGRATE_UNMOVABLE);
  });

  it('find nothing when every type is out of pages', () => {
    const m = memory();
    take(m, 16384);
    expect(takeFreeFrame(m, 0, MIGRATE_UNMOVABLE)).toBe(0xffffffff);
    expect(m.nrFree[0]).toBe(0);
  });
});

describe('compound blocks (THPs)', () => {
  it('are counted as they are taken and freed, and a head is one only while its block is compound', () => {
    const m = memory();
    const a = m.area;
    expect(a.nrCompound).toBe(0);
    const b1 = findWholeFreeBlock(a, 0);
    takeWholeBlock(a, 0, b1);
    const b2 = findWholeFreeBlock(a, 0);
    takeWholeBlock(a, 0, b2);
    expect(a.nrCompound).toBe(2);
    expect(a.compound.reduce((sum, x) => sum + x, 0)).toBe(2);
    const head = (b: number) => b * a.pageblockNr; // node 0 starts at pfn 0
    expect(isThpHead(m, head(b1))).toBe(true);
    expect(isThpHead(m, head(b1) + 1)).toBe(false);
    freeWholeBlock(a, 0, b1);
    expect(a.nrCompound).toBe(1);
    expect(isThpHead(m, head(b1))).toBe(false);
    expect(isThpHead(m, head(b2))).toBe(true);
    freeWholeBlock(a, 0, b2);
    expect(a.nrCompound).toBe(0);
    expect(isThpHead(m, head(b2))).toBe(false);
  });
});
