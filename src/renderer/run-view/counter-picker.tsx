// Any vmstat counter the run has, found by typing part of its kernel name; gauges, events and derived
// counters marked.
import { createSignal, For } from 'solid-js';
import { derivedFrom, isGauge } from '../../shared/vmstat.ts';
import { createShortcut } from '../shortcuts/shortcuts-context.tsx';

export function CounterPicker(props: {
  /** The counters the run has (its kernel's, recordedCounters), in COUNTERS order. */
  names: readonly string[];
  picked: string[];
  onChange: (picked: string[]) => void;
}) {
  const [query, setQuery] = createSignal('');
  let input: HTMLInputElement | undefined;
  createShortcut('/', 'Search the vmstat counters', () => input?.focus());
  const matches = () => {
    const q = query().trim().toLowerCase();
    return props.names.filter((c) => !q || c.includes(q));
  };
  const toggle = (name: string, on: boolean) =>
    props.onChange(on ? [...props.picked, name] : props.picked.filter((p) => p !== name));
  return (
    <div class="counter-picker" data-testid="counter-picker">
      <input
        ref={input}
        type="search"
        placeholder="search counters, e.g. pgdemote   /"
        value={query()}
        data-testid="counter-search"
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && matches()[0]) toggle(matches()[0]!, !props.picked.includes(matches()[0]!));
          if (e.key === 'Escape') setQuery('');
        }}
      />
      <ul class="counter-list">
        <For each={matches()} fallback={<li class="muted">No counter has “{query()}” in its name.</li>}>
          {(name) => (
            <li>
              <label title={derivedFrom(name) && `Not a kernel counter: ${derivedFrom(name)}`}>
                <input
                  type="checkbox"
                  checked={props.picked.includes(name)}
                  data-testid={`counter-${name}`}
                  onChange={(e) => toggle(name, e.currentTarget.checked)}
                />
                <code>{name}</code>
                <span class="muted small">
                  {isGauge(name) ? 'gauge' : 'event'}
                  {derivedFrom(name) && ', derived'}
                </span>
              </label>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
}
