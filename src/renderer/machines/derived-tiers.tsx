// Memory tiers (`memory_tierN`, lowest N fastest) and each node's demotion targets, as
// mm/memory-tiers.c establishes them.
import { For, Show } from 'solid-js';
import type { DerivedMachine } from '../../shared/api/types.ts';

interface Tier {
  id: number;
  nodes: DerivedMachine['nodes'];
}

function tiersOf(d: DerivedMachine): Tier[] {
  const byTier = new Map<number, DerivedMachine['nodes']>();
  for (const n of d.nodes) byTier.set(n.tier, [...(byTier.get(n.tier) ?? []), n]);
  return [...byTier.entries()].sort(([a], [b]) => a - b).map(([id, nodes]) => ({ id, nodes }));
}

const list = (ids: number[]) => (ids.length ? ids.join(',') : '—');

export function DerivedTiers(props: { derived: DerivedMachine; kinds: string[] }) {
  return (
    <>
      <h3>Memory tiers</h3>
      <ol class="tier-list" data-testid="derived-tiers">
        <For each={tiersOf(props.derived)}>
          {(tier) => (
            <li data-testid="derived-tier" data-tier={tier.id}>
              <code>memory_tier{tier.id}</code>
              <Show when={tier.nodes.some((n) => n.topTier)}>
                <span class="badge">top tier</span>
              </Show>
              <span class="tier-nodes">
                <For each={tier.nodes}>
                  {(n) => (
                    <span class={`tier-node kind-${props.kinds[n.id] ?? ''}`}>
                      node{n.id} <span class="muted">{props.kinds[n.id]?.toUpperCase()}</span>{' '}
                      <span class="muted">adistance {n.adistance}</span>
                    </span>
                  )}
                </For>
              </span>
            </li>
          )}
        </For>
      </ol>
      <h3>Demotion targets</h3>
      <table class="data-table" data-testid="derived-demotion">
        <thead>
          <tr>
            <th>node</th>
            <th>tier</th>
            <th title="Next lower tier at the minimum distance">preferred</th>
            <th title="Every lower tier, tried when the preferred nodes are full">fallback</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.derived.nodes}>
            {(n) => (
              <tr>
                <td>node{n.id}</td>
                <td>{n.tier}</td>
                <td>{list(n.preferred)}</td>
                <td>{list(n.fallback)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </>
  );
}
