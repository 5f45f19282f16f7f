import { describe, expect, it } from 'vitest';
import { describeBinding, firesInFields, keyName, matchKey } from './shortcut-keys.ts';

const press = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  keyName({ key, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('shortcut keys', () => {
  it('names chords with mod for Ctrl and Cmd alike', () => {
    expect(press('s', { ctrlKey: true })).toBe('mod+s');
    expect(press('S', { metaKey: true })).toBe('mod+s');
    expect(press('?')).toBe('?');
    expect(press('Escape')).toBe('escape');
  });

  it('fires a two-key sequence only after its first key', () => {
    const bindings = ['g m', 'g c', '?'];
    const first = matchKey(bindings, null, 'g');
    expect(first).toEqual({ pending: 'g' });
    expect(matchKey(bindings, first.pending, 'c')).toEqual({ fired: 'g c', pending: null });
    expect(matchKey(bindings, null, 'c')).toEqual({ pending: null });
    expect(matchKey(bindings, null, '?')).toEqual({ fired: '?', pending: null });
  });

  it('lets only chords and Escape through while typing', () => {
    expect(firesInFields('mod+s')).toBe(true);
    expect(firesInFields('escape')).toBe(true);
    expect(firesInFields('g m')).toBe(false);
  });

  it('spells bindings for the help list', () => {
    expect(describeBinding('mod+enter', false)).toEqual(['Ctrl+Enter']);
    expect(describeBinding('g m', true)).toEqual(['g', 'm']);
  });
});
