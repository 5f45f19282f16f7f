// Node lists as the kernel prints them with "%*pbl" (bitmap_list_string): ranges of consecutive
// nodes joined by commas, e.g. "0-1,3"; an empty mask prints as the empty string.

export function formatNodelist(nodes: readonly number[]): string {
  const sorted = [...new Set(nodes)].sort((a, b) => a - b);
  const parts: string[] = [];
  let i = 0;
  while (i < sorted.length) {
    const first = sorted[i] as number;
    let last = first;
    while (sorted[i + 1] === last + 1) {
      last += 1;
      i += 1;
    }
    parts.push(first === last ? `${first}` : `${first}-${last}`);
    i += 1;
  }
  return parts.join(',');
}
