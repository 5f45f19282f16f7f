// Finds where a JSON text goes wrong, by line and column. JSON.parse's own messages differ between
// engines and often omit the position (V8: "Unexpected token '}', ... is not valid JSON").
import { MAX_NESTING } from './limits.ts';

export interface JsonSyntaxError {
  /** 1-based, as editors count. */
  line: number;
  column: number;
  reason: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The first syntax error in `text`, or null if it is valid JSON. Lists and objects nested more
 * than MAX_NESTING deep count as an error too: the finder recurses once per level, and a scenario
 * file refuses such nesting anyway.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let pos = 0;
  let depth = 0;
  let failure: { at: number; reason: string } | null = null;
  const fail = (reason: string): false => {
    failure ??= { at: pos, reason };
    return false;
  };
  const advance = (n: number): true => {
    pos += n;
    return true;
  };
  const here = () => (pos >= text.length ? 'the text ends' : `unexpected ${JSON.stringify(text[pos])}`);
  const skipSpace = () => {
    while (pos < text.length && ' \t\n\r'.includes(text.charAt(pos))) pos++;
  };

  function value(): boolean {
    skipSpace();
    const c = text.charAt(pos);
    if (c === '{') return list('}', member);
    if (c === '[') return list(']', value);
    if (c === '"') return string();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, pos)) return advance(word.length);
    }
    NUMBER.lastIndex = pos;
    const number = NUMBER.exec(text);
    if (number) return advance(number[0].length);
    return fail(`${here()}; expected a value`);
  }

  function member(): boolean {
    skipSpace();
    if (text.charAt(pos) !== '"') return fail(`${here()}; expected a property name in double quotes`);
    if (!string()) return false;
    skipSpace();
    if (text.charAt(pos) !== ':') return fail(`${here()}; expected ':' after the property name`);
    pos++;
    return value();
  }

  /** An object or array, at most MAX_NESTING deep. */
  function list(close: string, item: () => boolean): boolean {
    if (++depth > MAX_NESTING) {
      return fail(
        `lists and objects nested more than ${MAX_NESTING} levels deep; a scenario file may nest at most ${MAX_NESTING}`,
      );
    }
    const ok = items(close, item);
    depth--;
    return ok;
  }

  /** `item` separated by commas, no trailing comma, then `close`. */
  function items(close: string, item: () => boolean): boolean {
    pos++;
    skipSpace();
    if (text.charAt(pos) === close) return advance(1);
    for (;;) {
      if (!item()) return false;
      skipSpace();
      const c = text.charAt(pos);
      if (c === close) return advance(1);
      if (c !== ',') return fail(`${here()}; expected ',' or '${close}'`);
      const comma = pos++;
      skipSpace();
      if (text.charAt(pos) === close) {
        pos = comma;
        return fail(`a trailing comma before '${close}' (JSON allows none)`);
      }
    }
  }

  function string(): boolean {
    pos++;
    while (pos < text.length) {
      const c = text.charAt(pos);
      if (c === '"') return advance(1);
      if (c < ' ') return fail('a control character inside a string; escape it, e.g. \\n');
      if (c === '\\') {
        const escape = /^(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/.exec(text.slice(pos + 1, pos + 6));
        if (!escape) return fail('an invalid escape sequence in a string');
        pos += escape[0].length;
      }
      pos++;
    }
    return fail('the text ends inside a string');
  }

  if (value()) {
    skipSpace();
    if (pos < text.length) fail(`${here()} after the end of the JSON value`);
  }
  if (!failure) return null;
  const { at, reason } = failure;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return { line, column: at - before.lastIndexOf('\n'), reason };
}
