// `tierlab serve [--port N] [--workers N] [--db PATH]`: web mode. The app's renderer and API on
// 127.0.0.1 behind a per-launch token; prints the URL to open. Runs until interrupted.
import { SERVE_USAGE } from '../usage.ts';
import { closeLab, openLab, type Lab } from '../../main/api/lab.ts';
import { defaultDbPath } from '../../main/paths.ts';
import { defaultPoolSize } from '../../main/runner/pool.ts';
import { ListenError, startWebServer, type WebServer } from '../../server/web-server.ts';
import { intOption, parseCommandArgs, UsageError } from '../args.ts';
import { DB_OPTION, workerLimits } from '../lab.ts';
import { ensureRenderer } from '../ensure-renderer.ts';

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(
    argv,
    { port: { type: 'string' }, workers: { type: 'string' }, ...DB_OPTION },
    SERVE_USAGE,
  );
  const staticDir = ensureRenderer();
  const lab = openLab({
    dbPath: values.db ?? defaultDbPath(),
    workers: intOption('workers', values.workers, 1) ?? defaultPoolSize(),
    resourceLimits: workerLimits(),
  });
  try {
    const server = await listenOrExplain(lab, intOption('port', values.port) ?? 5178, staticDir);
    const mode = lab.db.readOnlyBecause === null ? '' : ` (read-only: ${lab.db.readOnlyBecause})`;
    process.stdout.write(`Tierlab is serving ${lab.dbPath}${mode}\nopen ${server.url}\n`);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
  } finally {
    await closeLab(lab);
  }
  return 0;
}

async function listenOrExplain(lab: Lab, port: number, staticDir: string): Promise<WebServer> {
  try {
    return await startWebServer(lab, { port, staticDir });
  } catch (error) {
    if (!(error instanceof ListenError)) throw error;
    throw new UsageError(`${error.message}; choose another --port N, or --port 0 for any free port`);
  }
}
