// A one-line progress bar on stderr, drawn only when stderr is a terminal (so logs stay clean).
import type { RunProgress } from '../shared/progress.ts';
import { formatRemaining, remainingWallMs } from '../shared/run-pace.ts';

export interface Progress {
  update(fraction: number, label: string): void;
  done(): void;
}

export function createProgress(enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  const active = enabled && stream.isTTY;
  let last = '';
  return {
    update(fraction, label) {
      if (!active) return;
      const width = 30;
      const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
      const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${label}`;
      if (line !== last) stream.write(`\r${line}\x1b[K`);
      last = line;
    },
    done() {
      if (active && last) stream.write('\r\x1b[K');
    },
  };
}

/** What one run's progress line says beside the bar: "12.5s simulated, ETA 3m 05s". */
export function runProgressLabel(p: Pick<RunProgress, 'fraction' | 'simulatedMs' | 'wallMs'>): string {
  return `${(p.simulatedMs / 1000).toFixed(1)}s simulated, ETA ${formatRemaining(remainingWallMs(p))}`;
}
