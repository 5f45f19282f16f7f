// Errors a handler reports to its caller, with a code every transport maps the same way.
import type { ApiErrorBody } from '../../shared/api/contract.ts';

export class ApiError extends Error {
  readonly code: ApiErrorBody['code'];
  constructor(code: ApiErrorBody['code'], message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}

export const notFound = (what: string): ApiError => new ApiError('not_found', `${what} does not exist`);

/** The body any transport sends back for an error; unexpected errors keep their message only. */
export function errorBody(e: unknown): ApiErrorBody {
  if (e instanceof ApiError) return { error: e.message, code: e.code };
  return { error: e instanceof Error ? e.message : String(e), code: 'internal' };
}
