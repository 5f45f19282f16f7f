import { describe, expect, it } from 'vitest';
import { contentType } from './content-type.ts';

describe('contentType', () => {
  it('gives scripts a JavaScript type, without which module scripts do not load', () => {
    expect(contentType('/r/assets/index-abc.js')).toMatch(/^text\/javascript/);
    expect(contentType('/r/assets/worker.MJS')).toMatch(/^text\/javascript/);
  });

  it('knows the page and its styles, and sends anything unknown as bytes', () => {
    expect(contentType('/r/index.html')).toMatch(/^text\/html/);
    expect(contentType('/r/assets/index.css')).toMatch(/^text\/css/);
    expect(contentType('/r/data.bin')).toBe('application/octet-stream');
  });
});
