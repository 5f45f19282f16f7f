// Machine-wide or one NUMA node: the switch above a chart of counters, each node with its swatch.
import { For } from 'solid-js';
import { nodeColour } from './chart-theme.ts';

export interface NodeChoiceProps {
  nodes: { id: number; label: string }[];
  /** The node picked, or null for the whole machine. */
  value: number | null;
  onChange: (node: number | null) => void;
  testid: string;
}

export function NodeChoice(props: NodeChoiceProps) {
  return (
    <span class="segmented node-choice" role="group" aria-label="Machine-wide or one node">
      <button
        type="button"
        aria-pressed={props.value === null}
        data-testid={`${props.testid}-all`}
        onClick={() => props.onChange(null)}
      >
        machine-wide
      </button>
      <For each={props.nodes}>
        {(n) => (
          <button
            type="button"
            aria-pressed={props.value === n.id}
            data-testid={`${props.testid}-${n.id}`}
            onClick={() => props.onChange(n.id)}
          >
            <span class="node-swatch" style={{ background: nodeColour(n.id) }} />
            {n.label}
          </button>
        )}
      </For>
    </span>
  );
}
