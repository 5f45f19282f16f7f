// Reading a lackey trace file, plain or gzip (told apart by the magic bytes 1f 8b), as a stream of
// text chunks into the engine's parser. Every failure becomes a TraceError naming the file.
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import {
  createLackeyParser,
  lackeyCounts,
  lackeyEnd,
  lackeyFeed,
  LackeyError,
  TRACE_LIMITS,
} from '../../engine/trace/index.ts';
import type { RefSink, TraceCounts, TraceLimits } from '../../engine/trace/index.ts';

export class TraceError extends Error {
  constructor(file: string, detail: string) {
    super(`${file}: ${detail}`);
    this.name = 'TraceError';
  }
}

const READ_CHUNK = 1 << 20;

/** The parser's limits, and the text it reads (after gunzip): blank or instruction lines make no references. */
export interface TraceFileLimits extends TraceLimits {
  maxBytes: number;
}

/** 16 GiB: about 2^28 references' worth of lackey text with its instruction lines. */
export const TRACE_FILE_LIMITS: Readonly<TraceFileLimits> = { ...TRACE_LIMITS, maxBytes: 2 ** 34 };

async function isGzip(file: string): Promise<boolean> {
  const fh = await open(file, 'r');
  try {
    const magic = new Uint8Array(2);
    const { bytesRead } = await fh.read(magic, 0, 2, 0);
    return bytesRead === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

async function openText(file: string): Promise<Readable> {
  // A FIFO or a device would block the read (and the run) beyond cancel; a folder cannot be read.
  if (!(await stat(file)).isFile()) throw new TraceError(file, 'not a regular file');
  const gzip = await isGzip(file);
  const raw = createReadStream(file, { highWaterMark: READ_CHUNK });
  if (!gzip) return raw.setEncoding('latin1');
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  // pipe() does not forward a read error; destroying the gunzip stream ends the iteration with it.
  raw.on('error', (e) => gunzip.destroy(e));
  // Nor does destroying the gunzip stream (a refused trace) close the file.
  gunzip.on('close', () => raw.destroy());
  return raw.pipe(gunzip).setEncoding('latin1');
}

/**
 * Streams `file` through a fresh parser, handing every batch of references to `sink`.
 * Throws TraceError for a missing or unreadable file, bad gzip data, a malformed line (with its number),
 * or a trace past `limits` (naming the limit).
 */
export async function parseTraceFile(
  file: string,
  pageSize: number,
  sink: RefSink,
  limits: Readonly<TraceFileLimits> = TRACE_FILE_LIMITS,
): Promise<TraceCounts> {
  const parser = createLackeyParser(pageSize, limits);
  let bytes = 0;
  try {
    const text = await openText(file);
    for await (const chunk of text) {
      // latin1: one character per byte.
      bytes += (chunk as string).length;
      if (bytes > limits.maxBytes) {
        throw new TraceError(
          file,
          `more than ${limits.maxBytes} bytes of text, the most Tierlab reads from one trace`,
        );
      }
      lackeyFeed(parser, chunk as string, sink);
    }
    lackeyEnd(parser, sink);
  } catch (e) {
    if (e instanceof TraceError) throw e;
    if (e instanceof LackeyError || e instanceof RangeError) throw new TraceError(file, e.message);
    const { code, message } = e as NodeJS.ErrnoException;
    if (typeof code !== 'string') throw e;
    throw new TraceError(
      file,
      code.startsWith('Z_') ? `not a valid gzip file (${message})` : `cannot read the file: ${code}`,
    );
  }
  return lackeyCounts(parser);
}
