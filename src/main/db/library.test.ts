import { describe, expect, it } from 'vitest';
import { contentHash } from './json.ts';
import { deletePart, getPart, listParts, savePart, updatePart, type PartKind } from './parts.ts';
import { getRunNote, setRunNote } from './run-notes.ts';
import { addRunTags, listAllTags, listRunTags, removeRunTags } from './run-tags.ts';
import { createRun } from './runs.ts';
import {
  deleteScenario,
  findScenarioByHash,
  getScenario,
  listScenarios,
  saveScenario,
  updateScenario,
} from './scenarios.ts';
import { openTempDatabase } from '../../../tests/support/main/db.ts';

describe('parts', () => {
  it.each<PartKind>(['machine', 'workload', 'policy'])(
    'of kind %s save, list by name, update and delete',
    (kind) => {
      const { db } = openTempDatabase();
      const b = savePart(db, kind, { name: 'b', document: { x: 1 } }, 10);
      const a = savePart(db, kind, { name: 'a', document: [1, 2] }, 11);
      expect(getPart(db, kind, b.id)).toEqual({
        id: b.id,
        kind,
        name: 'b',
        document: { x: 1 },
        createdAt: 10,
        updatedAt: 10,
      });
      expect(listParts(db, kind).map((p) => p.name)).toEqual(['a', 'b']);
      expect(updatePart(db, kind, a.id, { name: 'a2', document: { y: 2 } }, 20)).toMatchObject({
        name: 'a2',
        createdAt: 11,
        updatedAt: 20,
      });
      expect(updatePart(db, kind, 99, { name: 'z', document: {} })).toBeNull();
      expect(deletePart(db, kind, b.id)).toBe(true);
      expect(getPart(db, kind, b.id)).toBeNull();
    },
  );

  it('of each kind live in their own table', () => {
    const { db } = openTempDatabase();
    savePart(db, 'machine', { name: 'm', document: {} });
    expect(listParts(db, 'policy')).toEqual([]);
  });
});

describe('scenarios', () => {
  it('save, read, list, update and delete with their documents', () => {
    const { db } = openTempDatabase();
    const input = {
      name: 'tpp',
      document: { format: 'tierlab.scenario/1', run: { seed: 1 } },
      runSettings: { seed: 1 },
    };
    const saved = saveScenario(db, input, 100);
    expect(getScenario(db, saved.id)).toEqual({
      id: saved.id,
      name: 'tpp',
      machineId: null,
      workloadId: null,
      policyId: null,
      runSettings: { seed: 1 },
      document: input.document,
      hash: contentHash(input.document),
      createdAt: 100,
      updatedAt: 100,
    });
    saveScenario(db, { ...input, name: 'baseline' });
    expect(listScenarios(db).map((s) => s.name)).toEqual(['baseline', 'tpp']);
    const updated = updateScenario(db, saved.id, { ...input, document: { changed: true } }, 200);
    expect(updated).toMatchObject({
      document: { changed: true },
      hash: contentHash({ changed: true }),
      updatedAt: 200,
      createdAt: 100,
    });
    expect(deleteScenario(db, saved.id)).toBe(true);
    expect(getScenario(db, saved.id)).toBeNull();
  });

  it('are found by the hash of their document, whatever its key order', () => {
    const { db } = openTempDatabase();
    const saved = saveScenario(db, { name: 's', document: { a: 1, b: { c: 2, d: 3 } }, runSettings: {} });
    expect(findScenarioByHash(db, contentHash({ b: { d: 3, c: 2 }, a: 1 }))?.id).toBe(saved.id);
    expect(findScenarioByHash(db, contentHash({ a: 2 }))).toBeNull();
  });

  it('keep their document but lose the link when a part they were built from is deleted', () => {
    const { db } = openTempDatabase();
    const machine = savePart(db, 'machine', { name: 'm', document: {} });
    const s = saveScenario(db, { name: 's', document: { m: 1 }, runSettings: {}, machineId: machine.id });
    deletePart(db, 'machine', machine.id);
    expect(getScenario(db, s.id)).toMatchObject({ machineId: null, document: { m: 1 } });
  });
});

describe('run tags and notes', () => {
  it('tags are trimmed, unique per run, removable, and counted across runs', () => {
    const { db } = openTempDatabase();
    const a = createRun(db, { name: 'a', seed: 1, engineVersion: 't' }).id;
    const b = createRun(db, { name: 'b', seed: 1, engineVersion: 't' }).id;
    addRunTags(db, a, [' baseline ', 'fig-2', 'baseline']);
    addRunTags(db, b, ['baseline']);
    expect(listRunTags(db, a)).toEqual(['baseline', 'fig-2']);
    expect(listAllTags(db)).toEqual([
      { tag: 'baseline', nrRuns: 2 },
      { tag: 'fig-2', nrRuns: 1 },
    ]);
    removeRunTags(db, a, ['fig-2']);
    expect(listRunTags(db, a)).toEqual(['baseline']);
    expect(() => addRunTags(db, a, ['  '])).toThrow(/empty/);
  });

  it('a note is set, replaced, and removed by setting it blank', () => {
    const { db } = openTempDatabase();
    const id = createRun(db, { name: 'a', seed: 1, engineVersion: 't' }).id;
    setRunNote(db, id, 'first', 1);
    setRunNote(db, id, 'second', 2);
    expect(getRunNote(db, id)).toEqual({ text: 'second', updatedAt: 2 });
    setRunNote(db, id, '   ');
    expect(getRunNote(db, id)).toBeNull();
  });
});
