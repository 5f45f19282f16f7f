import { describe, expect, it } from 'vitest';
import { OPEN_KINDS } from '../../shared/api/bridge.ts';
import { OPEN_DIALOGS, safeFileName, saveFilters } from './file-kinds.ts';

describe('safeFileName', () => {
  it('keeps an ordinary name as it is', () => {
    expect(safeFileName('results-12-15.csv')).toBe('results-12-15.csv');
    expect(safeFileName('optane 2-socket.tierlab.json')).toBe('optane 2-socket.tierlab.json');
  });

  it('drops folders and replaces characters Windows and macOS refuse', () => {
    expect(safeFileName('../runs/12:a?.csv')).toBe('12_a_.csv');
    expect(safeFileName('C:\\Users\\x\\out<1>.csv')).toBe('out_1_.csv');
  });

  it('drops control characters and leading dots, and never returns an empty name', () => {
    expect(safeFileName('.hidden\u0000.csv')).toBe('hidden.csv');
    expect(safeFileName('...')).toBe('untitled');
    expect(safeFileName('dir/')).toBe('untitled');
  });

  it('caps the length', () => {
    expect(safeFileName('a'.repeat(500)).length).toBe(200);
  });
});

describe('dialog filters', () => {
  it('offers the file kind first and all files last', () => {
    expect(saveFilters('samples.csv')[0]?.extensions).toEqual(['csv']);
    expect(saveFilters('Optane.TIERLAB.JSON')[0]?.name).toBe('Tierlab scenarios');
    expect(saveFilters('notes')).toEqual([{ name: 'All files', extensions: ['*'] }]);
    for (const kind of OPEN_KINDS) expect(OPEN_DIALOGS[kind].filters.at(-1)?.extensions).toEqual(['*']);
  });

  it('uses single extensions only, which every platform understands', () => {
    const filters = [...OPEN_KINDS.flatMap((k) => OPEN_DIALOGS[k].filters), ...saveFilters('x.tierlab.json')];
    for (const f of filters) for (const ext of f.extensions) expect(ext).toMatch(/^(\*|[a-z0-9]+)$/);
  });
});
