import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderLike, type WindowLike } from './sender.ts';

const isApp = (url: string): boolean => url.startsWith('tierlab://app/');
const win = (id: number, destroyed = false): WindowLike => ({
  isDestroyed: () => destroyed,
  webContents: { id },
});
const event = (id: number, url: string | null, parent: unknown = null): SenderLike => ({
  sender: { id },
  senderFrame: url === null ? null : { url, parent },
});

describe('isTrustedSender', () => {
  it('trusts the top frame of an app window showing an app page', () => {
    expect(isTrustedSender(event(7, 'tierlab://app/index.html'), [win(3), win(7)], isApp)).toBe(true);
  });

  it('refuses web contents that are not an app window', () => {
    expect(isTrustedSender(event(9, 'tierlab://app/index.html'), [win(7)], isApp)).toBe(false);
  });

  it('refuses a window that is already destroyed', () => {
    expect(isTrustedSender(event(7, 'tierlab://app/index.html'), [win(7, true)], isApp)).toBe(false);
  });

  it('refuses a page that is not the app, a sub-frame, and a frame that is gone', () => {
    expect(isTrustedSender(event(7, 'https://example.com/'), [win(7)], isApp)).toBe(false);
    expect(isTrustedSender(event(7, 'tierlab://app/index.html', {}), [win(7)], isApp)).toBe(false);
    expect(isTrustedSender(event(7, null), [win(7)], isApp)).toBe(false);
  });
});
