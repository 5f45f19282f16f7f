// The cost model's price per GiB of each memory kind the machine has (machine.memoryPrices): empty
// keeps the default, shown as the placeholder with its reasoning in shared/memory-cost.ts.
import { For } from 'solid-js';
import { DEFAULT_MEMORY_PRICES } from '../../shared/memory-cost.ts';
import { MEMORY_KINDS } from '../../shared/scenario/memory-kinds.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { QuantityField } from '../ui/quantity-field.tsx';
import { price, withPrice } from './memory-price-edits.ts';

export function MemoryPriceFields() {
  const { draft, setDraft } = useScenarioDraft();
  const prices = () => draft.machine.memoryPrices;
  const kinds = () => MEMORY_KINDS.filter((k) => draft.machine.nodes.some((n) => n.memory === k));
  return (
    <section class="panel" data-testid="memory-prices">
      <header class="panel-header">
        <h2>Memory prices</h2>
        <span class="muted small">USD per GiB for the cost model (STRR/STAR and the DRAM saved)</span>
      </header>
      <div class="field-grid">
        <For each={kinds()}>
          {(kind) => (
            <QuantityField
              label={`${kind.toUpperCase()} price`}
              path={`machine.memoryPrices.${kind}`}
              value={prices()?.[kind]}
              onCommit={(v) => setDraft('machine', 'memoryPrices', withPrice(prices(), kind, v))}
              placeholder={`${DEFAULT_MEMORY_PRICES[kind]} USD/GiB`}
              parse={price}
              expect="a price in USD per GiB such as 3.5"
              testid={`memory-price-${kind}`}
            />
          )}
        </For>
      </div>
    </section>
  );
}
