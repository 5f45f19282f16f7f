// Files in and out: the desktop shell's native dialogs when there is one, else a browser download
// (through a Blob) and a file picker.
import type { OpenKind, OpenedFile } from '../../shared/api/bridge.ts';
import { electronBridge } from '../api/bridge.ts';

/** Resolves to false when the user cancelled the save dialog. */
export async function saveTextFile(filename: string, text: string, type = 'text/csv'): Promise<boolean> {
  const bridge = electronBridge();
  if (bridge) return (await bridge.saveTextFile(filename, text)) !== null;
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoked later: Chromium reads the Blob asynchronously after the click.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return true;
}

const ACCEPT: Record<OpenKind, string> = { scenario: '.json,application/json', trace: '*' };

/** Asks the user for a file to open; null when they cancel. */
export function openTextFile(kind: OpenKind): Promise<OpenedFile | null> {
  const bridge = electronBridge();
  if (bridge) return bridge.openFile(kind);
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = ACCEPT[kind];
    input.addEventListener('cancel', () => resolve(null));
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      file.text().then(
        (text) => resolve({ name: file.name, text }),
        () => resolve(null),
      );
    });
    input.click();
  });
}
