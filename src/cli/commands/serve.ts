// `tierlab serve [--port N] [--workers N] [--db PATH]`: web mode. The app's renderer and API on
// 127.0.0.1 behind a per-launch token; prints the URL to open. Runs until interrupted.
import { SERVE_USAGE } from '../usage.ts';
import { closeLab, openLab } from '../../main/api/lab.ts';
import { defaultDbPath } from '../../main/paths.ts';
import { defaultPoolSize } from '../../main/runner/pool.ts';
import { startWebServer } from '../../server/web-server.ts';
import { intOption, parseCommandArgs } from '../args.ts';
import { DB_OPTION } from '../lab.ts';
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
  });
  const server = await startWebServer(lab, { port: intOption('port', values.port) ?? 5178, staticDir });
  process.stdout.write(`Tierlab is serving ${lab.dbPath}\nopen ${server.url}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  await closeLab(lab);
  return 0;
}
