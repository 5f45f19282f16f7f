// The name "Save as new" offers: the scenario's own name numbered like a file manager's copy.

/** "usemem" -> "usemem (2)", "usemem (2)" -> "usemem (3)": the first number no name in `taken` has. */
export function copyName(name: string, taken: readonly string[]): string {
  const m = /^(.*?) \((\d+)\)$/.exec(name.trim());
  const base = (m ? m[1]! : name.trim()) || 'scenario';
  const used = new Set(taken.map((t) => t.trim()));
  for (let n = m ? Number(m[2]) + 1 : 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!used.has(candidate)) return candidate;
  }
}
