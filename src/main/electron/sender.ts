// Who may use the API over IPC: the top frame of one of the app's own windows, showing an app page.
// Structural types, so the rule is tested without Electron; real IPC events and windows fit them.

export interface SenderLike {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

export interface WindowLike {
  isDestroyed(): boolean;
  webContents: { id: number };
}

export function isTrustedSender(
  event: SenderLike,
  windows: readonly WindowLike[],
  isApp: (url: string) => boolean,
): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null || !isApp(frame.url)) return false;
  return windows.some((w) => !w.isDestroyed() && w.webContents.id === event.sender.id);
}
