// How fast a run goes and how long it has left, from its simulated and wall time so far: shown by
// the run view, the run list and the CLI's progress line.

/** Before this much wall time the pace is mostly start-up cost, so no time left is estimated. */
export const ESTIMATE_AFTER_WALL_MS = 1000;

/**
 * Wall ms left at the pace so far, or null until ESTIMATE_AFTER_WALL_MS have passed. At s simulated
 * ms per wall ms, the (1 - f) / f * simulatedMs still to simulate take wallMs * (1 - f) / f.
 */
export function remainingWallMs(p: { fraction: number; wallMs: number }): number | null {
  if (p.wallMs < ESTIMATE_AFTER_WALL_MS || !(p.fraction > 0)) return null;
  return (p.wallMs * (1 - Math.min(1, p.fraction))) / p.fraction;
}

/** Time left as a person reads it: "—" while unknown, else "45s", "3m 05s", "1h 02m" (rounded up). */
export function formatRemaining(ms: number | null): string {
  if (ms === null) return '—';
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  const m = Math.ceil(s / 60);
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}

/** Simulated time per wall time, "120x" meaning 120 simulated seconds per wall second; "—" without wall time. */
export function formatSpeed(simulatedMs: number, wallMs: number): string {
  if (!(wallMs > 0)) return '—';
  const x = simulatedMs / wallMs;
  return `${x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toPrecision(2)}x`;
}
