// Key names as bindings spell them: "mod+s" (Ctrl, or Cmd on a Mac), "?", "escape", and two-key
// sequences such as "g m" (press g, then m).

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/** The binding name of one key press; Shift is part of the character ("?"), not a modifier. */
export function keyName(e: KeyLike): string {
  const key = e.key === ' ' ? 'space' : e.key.toLowerCase();
  return [e.ctrlKey || e.metaKey ? 'mod' : '', e.altKey ? 'alt' : '', key].filter(Boolean).join('+');
}

/** Whether a binding may fire while focus is in a text field: only chords and Escape may. */
export function firesInFields(binding: string): boolean {
  return binding.startsWith('mod+') || binding === 'escape';
}

/**
 * Matches a key press against bindings, given the first key of a sequence already pressed.
 * Returns the binding that fired, or a new pending prefix, or nothing.
 */
export function matchKey(
  bindings: readonly string[],
  pending: string | null,
  key: string,
): { fired?: string; pending: string | null } {
  const full = pending ? `${pending} ${key}` : key;
  if (bindings.includes(full)) return { fired: full, pending: null };
  if (!pending && bindings.some((b) => b.startsWith(`${key} `))) return { pending: key };
  return { pending: null };
}

/** How a binding is shown in the help: "g m" as "g then m", "mod" as Ctrl or ⌘. */
export function describeBinding(binding: string, mac: boolean): string[] {
  return binding.split(' ').map((step) =>
    step
      .split('+')
      .map((k) => (k === 'mod' ? (mac ? '⌘' : 'Ctrl') : k === 'escape' ? 'Esc' : k === 'enter' ? 'Enter' : k))
      .join('+'),
  );
}
