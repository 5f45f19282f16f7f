// The list of live shortcuts, opened with "?" or the Keys button; Escape or a click outside closes it.
// Rendered into <body> so no stacking context of the navigation can put page content above it.
import { createSignal, For, Show } from 'solid-js';
import { Portal } from 'solid-js/web';
import { describeBinding } from './shortcut-keys.ts';
import { createShortcut, useShortcuts } from './shortcuts-context.tsx';

const MAC = /Mac|iPhone|iPad/.test(navigator.platform);

export function HelpPopover() {
  const shortcuts = useShortcuts();
  const [open, setOpen] = createSignal(false);
  createShortcut('?', 'Show or hide this list of keys', () => setOpen((o) => !o));
  const unique = () => {
    const seen = new Set<string>();
    return [...shortcuts.list()].reverse().filter((s) => !seen.has(s.keys) && seen.add(s.keys));
  };
  return (
    <>
      <button
        type="button"
        class="nav-button"
        data-testid="help-button"
        aria-expanded={open()}
        onClick={() => setOpen((o) => !o)}
      >
        Keys <kbd>?</kbd>
      </button>
      <Show when={open()}>
        <Portal>
          <div class="popover-backdrop" onClick={() => setOpen(false)} />
          <CloseOnEscape close={() => setOpen(false)} />
          <div class="popover" role="dialog" aria-label="Keyboard shortcuts" data-testid="help-popover">
            <h2>Keyboard</h2>
            <table class="data-table">
              <tbody>
                <For each={unique()}>
                  {(s) => (
                    <tr>
                      <td class="keys">
                        <For each={describeBinding(s.keys, MAC)}>{(k) => <kbd>{k}</kbd>}</For>
                      </td>
                      <td>{s.description}</td>
                    </tr>
                  )}
                </For>
                <tr>
                  <td class="keys">
                    <kbd>Tab</kbd> <kbd>Enter</kbd>
                  </td>
                  <td>Move between fields; Enter submits the form you are in</td>
                </tr>
              </tbody>
            </table>
          </div>
        </Portal>
      </Show>
    </>
  );
}

function CloseOnEscape(props: { close: () => void }) {
  createShortcut('escape', 'Close this list', () => props.close());
  return null;
}
