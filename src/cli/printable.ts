// Names, tags, notes and errors come from users and imported files: printed raw, an ANSI escape
// in one could rewrite the terminal. Control characters are shown as \xNN instead.

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` with every control character except tab and newline written as `\xNN`. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
