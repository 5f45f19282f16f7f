// Which nodes are in the top memory tier for a run: from its result when it has one, else what
// `machine:derive` says of the machine it runs on (so the fast-tier share can be drawn live).
import { createResource, type Accessor } from 'solid-js';
import type { RunDetail } from '../../shared/api/types.ts';
import { useApi } from '../api/api-context.tsx';
import { isRecord } from '../scenario/draft.ts';

export function createTopTier(detail: Accessor<RunDetail | undefined>): Accessor<ReadonlySet<number>> {
  const { client } = useApi();
  const fromResult = () =>
    detail()
      ?.result?.nodes.filter((n) => n.topTier)
      .map((n) => n.id);
  const [derived] = createResource(
    () => {
      const doc = detail()?.scenario;
      return !fromResult() && isRecord(doc) ? doc : undefined;
    },
    async (doc) => {
      const res = await client
        .call('machine:derive', { machine: doc.machine, policy: doc.policy })
        .catch(() => null);
      return res?.ok ? res.value.nodes.filter((n) => n.topTier).map((n) => n.id) : [];
    },
  );
  return () => new Set(fromResult() ?? derived() ?? []);
}
