// The scenario being composed, shared by the Machines, Workloads, Policies and Scenarios pages and
// kept in localStorage, with live validation (`scenario:validate`, debounced) and saving.
import { createContext, createMemo, onMount, useContext, type Accessor, type ParentProps } from 'solid-js';
import { reconcile, unwrap, type SetStoreFunction } from 'solid-js/store';
import type { ScenarioInfo } from '../../shared/api/types.ts';
import type { ScenarioError } from '../../shared/scenario/index.ts';
import { useApi } from '../api/api-context.tsx';
import { isNotFound } from '../api/api-error.ts';
import { createPersistedStore } from '../drafts/create-persisted-store.ts';
import { createValidation } from './create-validation.ts';
import {
  documentFromDraft,
  draftFromDocument,
  draftJson,
  isDraftScenario,
  isRecord,
  type DraftScenario,
} from './draft.ts';
import { exampleDocument } from './example-draft.ts';

interface DraftMeta {
  /** The stored scenario this draft edits; null for a new one. */
  scenarioId: number | null;
  /** The document as last saved or loaded, to tell whether the draft has changed since. */
  savedJson: string | null;
  /** The example the draft started from (first run, "New"): untouched, it is not "unsaved work". */
  exampleJson?: string | null;
}

export interface DraftSnapshot {
  draft: DraftScenario;
  meta: DraftMeta;
}

/** Saved as stored; an untouched example; or changes that are in no database yet. */
export type DraftState = 'saved' | 'example' | 'unsaved';

export interface SaveOutcome {
  stored: ScenarioInfo;
  /** The stored version this save replaced, when it overwrote a different document (for Undo). */
  replaced?: ScenarioInfo;
  /** The scenario the draft was editing, when it had been deleted meanwhile (saved as new instead). */
  vanished?: number;
}

export interface ScenarioDraftApi {
  draft: DraftScenario;
  setDraft: SetStoreFunction<DraftScenario>;
  meta: DraftMeta;
  document: Accessor<unknown>;
  errors: Accessor<ScenarioError[]>;
  validating: Accessor<boolean>;
  state: Accessor<DraftState>;
  dirty: Accessor<boolean>;
  load(doc: unknown, scenarioId?: number | null): void;
  /** Starts over from the example (not saved, and not marked as changed). */
  loadExample(): void;
  /** The draft and what it edits, to put back with `restore` (the Undo of a replacement). */
  snapshot(): DraftSnapshot;
  restore(s: DraftSnapshot): void;
  /**
   * Saves: replaces the scenario the draft edits, or creates one (no scenario yet, or `asNew`).
   * Resolves to what was stored, or undefined when the document is invalid.
   */
  save(options?: { asNew?: boolean }): Promise<SaveOutcome | undefined>;
  /** Scenario `id` now holds `doc` again (an overwrite undone): the draft compares against it. */
  storedAs(id: number, doc: unknown): void;
}

const DraftContext = createContext<ScenarioDraftApi>();

const isMeta = (v: unknown): v is DraftMeta => isRecord(v) && 'scenarioId' in v && 'savedJson' in v;
const exampleMeta = (): DraftMeta => ({
  scenarioId: null,
  savedJson: null,
  exampleJson: draftJson(exampleDocument()),
});

export function ScenarioDraftProvider(props: ParentProps) {
  const { client } = useApi();
  const [draft, setDraft] = createPersistedStore(
    'tierlab.draft.scenario.v1',
    () => draftFromDocument(exampleDocument()),
    isDraftScenario,
  );
  const [meta, setMeta] = createPersistedStore<DraftMeta>('tierlab.draft.meta.v1', exampleMeta, isMeta);
  const document = createMemo(() => documentFromDraft(JSON.parse(JSON.stringify(draft)) as unknown));
  const json = createMemo(() => JSON.stringify(document()));
  const validation = createValidation(document);
  const state = (): DraftState => {
    if (meta.scenarioId !== null) return json() === meta.savedJson ? 'saved' : 'unsaved';
    return meta.exampleJson && json() === meta.exampleJson ? 'example' : 'unsaved';
  };
  /** The stored scenario, or undefined when it no longer exists. */
  const stored = (id: number) =>
    client.call('scenario:get', { id }).catch((e: unknown) => {
      if (isNotFound(e)) return undefined;
      throw e;
    });
  // A draft kept from another database (or a scenario deleted from the CLI) edits nothing.
  onMount(() => {
    const id = meta.scenarioId;
    if (id !== null)
      void stored(id)
        .then(
          (s) => s === undefined && meta.scenarioId === id && setMeta({ scenarioId: null, savedJson: null }),
        )
        .catch(() => undefined);
  });
  const api: ScenarioDraftApi = {
    draft,
    setDraft,
    meta,
    document,
    errors: () => validation.errors() ?? [],
    validating: validation.pending,
    state,
    dirty: () => state() === 'unsaved',
    load(doc, scenarioId = null) {
      setDraft(reconcile(draftFromDocument(doc)));
      setMeta({ scenarioId, savedJson: scenarioId === null ? null : draftJson(doc), exampleJson: null });
    },
    loadExample() {
      setDraft(reconcile(draftFromDocument(exampleDocument())));
      setMeta(exampleMeta());
    },
    snapshot: () => structuredClone({ draft: unwrap(draft), meta: unwrap(meta) }),
    restore(s) {
      setDraft(reconcile(s.draft));
      setMeta(reconcile(s.meta));
    },
    async save(options = {}) {
      // What is sent is what counts as saved, even if the user types on while it is on its way.
      const [doc, sent] = [document(), json()];
      const id = options.asNew ? null : meta.scenarioId;
      const previous = id === null ? undefined : await stored(id);
      const res = await client.call('scenario:save', { ...(previous && { id: previous.id }), document: doc });
      if (!res.ok) {
        validation.override(res.errors);
        return undefined;
      }
      setMeta({ scenarioId: res.value.id, savedJson: sent, exampleJson: null });
      return {
        stored: res.value,
        ...(previous && previous.hash !== res.value.hash && { replaced: previous }),
        ...(id !== null && !previous && { vanished: id }),
      };
    },
    storedAs(id, doc) {
      if (meta.scenarioId === id) setMeta('savedJson', draftJson(doc));
    },
  };
  return <DraftContext.Provider value={api}>{props.children}</DraftContext.Provider>;
}

export function useScenarioDraft(): ScenarioDraftApi {
  const ctx = useContext(DraftContext);
  if (!ctx) throw new Error('useScenarioDraft() must be used inside <ScenarioDraftProvider>');
  return ctx;
}
