// The scenario being composed, shared by the Machines, Workloads, Policies and Scenarios pages and
// kept in localStorage, with live validation (`scenario:validate`, debounced) and saving.
import { createContext, createMemo, useContext, type Accessor, type ParentProps } from 'solid-js';
import { reconcile, unwrap, type SetStoreFunction } from 'solid-js/store';
import type { ScenarioInfo } from '../../shared/api/types.ts';
import { exampleScenarioFile, type ScenarioError } from '../../shared/scenario/index.ts';
import { useApi } from '../api/api-context.tsx';
import { createPersistedStore } from '../drafts/create-persisted-store.ts';
import { createValidation } from './create-validation.ts';
import {
  documentFromDraft,
  draftFromDocument,
  isDraftScenario,
  isRecord,
  type DraftScenario,
} from './draft.ts';

interface DraftMeta {
  /** The stored scenario this draft edits; null for a new one. */
  scenarioId: number | null;
  /** The document as last saved or loaded, to tell whether the draft has changed since. */
  savedJson: string | null;
}

export interface DraftSnapshot {
  draft: DraftScenario;
  meta: DraftMeta;
}

export interface ScenarioDraftApi {
  draft: DraftScenario;
  setDraft: SetStoreFunction<DraftScenario>;
  meta: DraftMeta;
  document: Accessor<unknown>;
  errors: Accessor<ScenarioError[]>;
  validating: Accessor<boolean>;
  dirty: Accessor<boolean>;
  load(doc: unknown, scenarioId?: number | null): void;
  /** The draft and what it edits, to put back with `restore` (the Undo of a replacement). */
  snapshot(): DraftSnapshot;
  restore(s: DraftSnapshot): void;
  /** Saves (creates or replaces); resolves to the stored scenario, or undefined when invalid. */
  save(): Promise<ScenarioInfo | undefined>;
}

const DraftContext = createContext<ScenarioDraftApi>();

const isMeta = (v: unknown): v is DraftMeta => isRecord(v) && 'scenarioId' in v && 'savedJson' in v;

export function ScenarioDraftProvider(props: ParentProps) {
  const { client } = useApi();
  const [draft, setDraft] = createPersistedStore(
    'tierlab.draft.scenario.v1',
    () => draftFromDocument(exampleScenarioFile()),
    isDraftScenario,
  );
  const [meta, setMeta] = createPersistedStore<DraftMeta>(
    'tierlab.draft.meta.v1',
    () => ({ scenarioId: null, savedJson: null }),
    isMeta,
  );
  const document = createMemo(() => documentFromDraft(JSON.parse(JSON.stringify(draft)) as unknown));
  const json = createMemo(() => JSON.stringify(document()));
  const validation = createValidation(document);
  const api: ScenarioDraftApi = {
    draft,
    setDraft,
    meta,
    document,
    errors: () => validation.errors() ?? [],
    validating: validation.pending,
    dirty: () => json() !== meta.savedJson,
    load(doc, scenarioId = null) {
      setDraft(reconcile(draftFromDocument(doc)));
      setMeta({ scenarioId, savedJson: scenarioId === null ? null : JSON.stringify(documentFromDraft(doc)) });
    },
    snapshot: () => structuredClone({ draft: unwrap(draft), meta: unwrap(meta) }),
    restore(s) {
      setDraft(reconcile(s.draft));
      setMeta(s.meta);
    },
    async save() {
      const res = await client.call('scenario:save', {
        ...(meta.scenarioId !== null && { id: meta.scenarioId }),
        document: document(),
      });
      if (!res.ok) {
        validation.override(res.errors);
        return undefined;
      }
      setMeta({ scenarioId: res.value.id, savedJson: json() });
      return res.value;
    },
  };
  return <DraftContext.Provider value={api}>{props.children}</DraftContext.Provider>;
}

export function useScenarioDraft(): ScenarioDraftApi {
  const ctx = useContext(DraftContext);
  if (!ctx) throw new Error('useScenarioDraft() must be used inside <ScenarioDraftProvider>');
  return ctx;
}
