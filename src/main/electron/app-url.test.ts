import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, entryUrl, isAppUrl, mayLoad, resolveRendererFile } from './app-url.ts';

const DEV = 'http://localhost:5173';
const root = resolve('/opt/tierlab/out/renderer');

describe('isAppUrl', () => {
  it('knows the bundled pages', () => {
    expect(isAppUrl(APP_ENTRY_URL, null)).toBe(true);
    expect(isAppUrl('tierlab://app/assets/index.js', null)).toBe(true);
    expect(isAppUrl('tierlab://evil/index.html', null)).toBe(false);
  });

  it('knows the dev server only when there is one, and only its exact origin', () => {
    expect(isAppUrl('http://localhost:5173/index.html', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/index.html', null)).toBe(false);
    expect(isAppUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', DEV)).toBe(false);
  });

  it('refuses the network, files and nonsense', () => {
    for (const url of [
      'https://example.com/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'not a url',
      '',
    ]) {
      expect(isAppUrl(url, DEV), url).toBe(false);
    }
  });
});

describe('entryUrl', () => {
  it('loads the dev server in development and the bundled page otherwise', () => {
    expect(entryUrl(DEV)).toBe(DEV);
    expect(entryUrl(null)).toBe('tierlab://app/index.html');
  });
});

describe('mayLoad', () => {
  it('lets app pages load their own files, data: images and blobs', () => {
    for (const url of [
      'tierlab://app/a.css',
      'data:image/png;base64,AA',
      'blob:tierlab://app/1234',
      'devtools://x',
    ]) {
      expect(mayLoad(url, null), url).toBe(true);
    }
  });

  it('refuses remote content and local files', () => {
    for (const url of [
      'https://cdn.example.com/x.js',
      'http://127.0.0.1:8080/',
      'wss://example.com/',
      'file:///etc/passwd',
    ]) {
      expect(mayLoad(url, null), url).toBe(false);
    }
  });

  it('allows the dev server and its hot-reload socket in development, nothing else on the network', () => {
    expect(mayLoad('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(mayLoad('ws://localhost:5173/', DEV)).toBe(true);
    expect(mayLoad('ws://localhost:9999/', DEV)).toBe(false);
    expect(mayLoad('https://example.com/', DEV)).toBe(false);
  });
});

describe('resolveRendererFile', () => {
  it('maps app URLs to files under the renderer folder', () => {
    expect(resolveRendererFile(root, 'tierlab://app/index.html')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'tierlab://app/assets/index-abc.js?v=1')).toBe(
      join(root, 'assets', 'index-abc.js'),
    );
    expect(resolveRendererFile(root, 'tierlab://app/a%20b.css')).toBe(join(root, 'a b.css'));
  });

  it('serves index.html for the root and for client-side routes', () => {
    expect(resolveRendererFile(root, 'tierlab://app/')).toBe(join(root, 'index.html'));
    expect(resolveRendererFile(root, 'tierlab://app/runs/12')).toBe(join(root, 'index.html'));
  });

  it('never leaves the renderer folder', () => {
    for (const url of [
      'tierlab://app/../../etc/passwd',
      'tierlab://app/%2e%2e/%2e%2e/etc/passwd',
      'tierlab://app/assets/%2e%2e%2f%2e%2e%2fmain%2findex.js',
      'tierlab://app/%2e%2e%5c%2e%2e%5cwindows%5cwin.ini',
    ]) {
      const file = resolveRendererFile(root, url);
      expect(file === null || file.startsWith(root), `${url} → ${file}`).toBe(true);
    }
    expect(resolveRendererFile(root, 'tierlab://app/%2e%2e%2fsecret.txt')).toBeNull();
  });

  it('refuses other origins, null bytes and broken escapes', () => {
    expect(resolveRendererFile(root, 'tierlab://other/index.html')).toBeNull();
    expect(resolveRendererFile(root, 'https://app/index.html')).toBeNull();
    expect(resolveRendererFile(root, 'tierlab://app/index.html%00.png')).toBeNull();
    expect(resolveRendererFile(root, 'tierlab://app/%E0%A4%A.js')).toBeNull();
  });
});
