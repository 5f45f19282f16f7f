// Picking a lackey trace from disk (plain or gzip) and handing it to the lab, which keeps it beside
// the database and answers with the path a `trace` workload names.
import type { ApiClient } from '../../shared/api/contract.ts';
import type { TraceCounts } from '../../shared/scenario/resolved.ts';

/** Asks the user for a file with the browser's picker (works in Electron and in web mode). */
function pickFile(): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null));
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  const chunk = 0x8000; // String.fromCharCode takes a bounded number of arguments
  for (let i = 0; i < bytes.length; i += chunk) text += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(text);
}

/** Imports a trace the user picks; null if they cancel. Rejects with the lab's message on a bad file. */
export async function importTrace(
  client: ApiClient,
): Promise<{ name: string; file: string; counts: TraceCounts } | null> {
  const picked = await pickFile();
  if (!picked) return null;
  const base64 = toBase64(new Uint8Array(await picked.arrayBuffer()));
  const { file, counts } = await client.call('trace:import', { name: picked.name, base64 });
  return { name: picked.name.replace(/\.(lackey|txt|gz)+$/g, '') || 'trace', file, counts };
}
