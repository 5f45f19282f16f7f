// Errors from any transport, turned into one sentence a user can act on; never a stack trace.
import type { ApiErrorBody } from '../../shared/api/contract.ts';

export type ApiErrorCode = ApiErrorBody['code'] | 'network' | 'auth';

export class ApiCallError extends Error {
  readonly code: ApiErrorCode;
  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiCallError';
    this.code = code;
  }
}

/** Electron wraps a handler's error as "Error invoking remote method 'x': Error: msg". */
const IPC_PREFIX = /^Error invoking remote method '[^']*': (?:\w*Error: )?/;

/** The message of an error in words, with the action to take when we know one. */
export function describeError(e: unknown): string {
  if (e instanceof ApiCallError) {
    if (e.code === 'network') return 'The Tierlab server is not answering: is `tierlab serve` still running?';
    if (e.code === 'auth')
      return 'The server refused this page: open the address `tierlab serve` printed (the one with ?token=).';
    return e.message;
  }
  if (e instanceof Error) return e.message.replace(IPC_PREFIX, '');
  // The desktop bridge rejects with the plain ApiErrorBody (contextBridge would drop an Error's fields).
  if (typeof e === 'object' && e !== null && typeof (e as { error?: unknown }).error === 'string') {
    return (e as ApiErrorBody).error;
  }
  return String(e);
}

/** Whether the call failed because what it names does not exist (a deleted scenario, say). */
export function isNotFound(e: unknown): boolean {
  if (e instanceof ApiCallError) return e.code === 'not_found';
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'not_found';
}
