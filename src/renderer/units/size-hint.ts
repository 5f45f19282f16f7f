// What a size field says under a readable size: the bytes it means, or the pages it gives the
// machine, and what happens to a part page (node and swap capacities are cut down to whole pages,
// as the kernel's memmap only holds whole frames).
import { formatSize } from '../../shared/units.ts';

const count = (n: number) => n.toLocaleString();

/**
 * `bytes` in words: "402,653,184 bytes", or with a page size "98,304 pages" and, when the size is not
 * a whole number of pages, how much of the last page is dropped.
 */
export function sizeHint(bytes: number, pageSize?: number): string {
  if (!pageSize) return `${count(bytes)} bytes`;
  const whole = Math.floor(bytes / pageSize);
  const rest = bytes - whole * pageSize;
  if (rest === 0) return `${count(whole)} pages`;
  return `${count(whole)} whole ${formatSize(pageSize)} pages; the last ${count(rest)} bytes are not used`;
}
