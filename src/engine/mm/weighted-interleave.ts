// MPOL_WEIGHTED_INTERLEAVE (6.9+): a task's pages go round its nodes, `weight` pages on each in turn,
// the weights read from the system's table (weighted_interleave/nodeN) as each node's turn starts.
//
// weighted_interleave_nodes() in mm/mempolicy.c: set_mempolicy leaves il_prev = MAX_NUMNODES - 1 and
// il_weight = 0, so the first allocation moves to the first node of the mask (next_node_in wraps),
// takes that node's weight and uses one of it; each later one uses one more until none is left,
// then moves on. Example: nodes {0, 1}, weights 3 and 1: 0, 0, 0, 1, 0, 0, 0, 1, ...
// alloc_pages_bulk_weighted_interleave() hands out the same sequence in bulk (the rest of the
// current node's weight, whole rounds, then a partial one); the engine allocates page by page.

export interface WeightedInterleave {
  /** policy->nodes in node-id order: a nodemask is a bitmap, walked by next_node_in(). */
  readonly nodes: readonly number[];
  /** The weight table as it stood when the policy was made (iw_table; 1 where it has none). */
  readonly weights: readonly number[];
  /** Index into `nodes` of current->il_prev; -1 before the first allocation (MAX_NUMNODES - 1). */
  prev: number;
  /** current->il_weight: pages left on il_prev before the next node's turn. */
  weight: number;
}

export function newWeightedInterleave(
  nodes: readonly number[],
  iwTable: readonly number[],
): WeightedInterleave {
  return {
    nodes: [...nodes].sort((a, b) => a - b),
    weights: iwTable,
    prev: -1,
    weight: 0,
  };
}

/** The node for the next page. Postcondition: its weight is one less (and the turn moved on if it was 0). */
export function weightedInterleaveNodes(s: WeightedInterleave): number {
  if (s.weight === 0 || s.prev < 0) {
    s.prev = (s.prev + 1) % s.nodes.length;
    s.weight = s.weights[s.nodes[s.prev]!] ?? 1;
  }
  s.weight--;
  return s.nodes[s.prev]!;
}
