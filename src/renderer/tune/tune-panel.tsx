// The scenario page's Tune… panel: the draft scenario tuned through `tune:start` (the knobs, their
// ranges, the objective and its direction, seeds and budget), its progress with the time left, and
// the report as it grows round by round, a Cancel button while it runs, and the lab's earlier tunes to
// open again. The tune runs in the lab, so its runs join the run list.
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import type { TuneProgress, TuneReport, TuneSummary } from '../../shared/tune/report.ts';
import { createApiEvent, useApi } from '../api/api-context.tsx';
import { describeError } from '../api/api-error.ts';
import { useScenarioDraft } from '../scenario/scenario-draft-context.tsx';
import { checkRow, KnobRows, knobText, type KnobRow } from './knob-rows.tsx';
import { TuneProgressBar } from './tune-progress-bar.tsx';
import { TuneResults } from './tune-results.tsx';
import './tune.css';

/** Compare metrics offered as objectives; any other Compare metric id can be typed. */
const OBJECTIVES = [
  'throughput',
  'latency',
  'hit-ratio',
  'fast-tier-share',
  'promote-mibps',
  'demote-mibps',
  'ping-pong',
  'pswpout',
  'allocstall',
  'star',
  'strr',
  'dram-saved',
  'cost-per-throughput',
];

// The last tune outlives the panel (a page switch), as its runs do in the lab.
const [report, setReport] = createSignal<TuneReport | null>(null);
const [progress, setProgress] = createSignal<TuneProgress | null>(null);

export function TunePanel() {
  const { client } = useApi();
  const draft = useScenarioDraft();
  const [open, setOpen] = createSignal(false);
  const [rows, setRows] = createSignal<KnobRow[]>([{ knob: 'hot_threshold_ms', range: '100..10000' }]);
  const [objective, setObjective] = createSignal('throughput');
  const [direction, setDirection] = createSignal<'own' | 'maximise' | 'minimise'>('own');
  const [seeds, setSeeds] = createSignal(3);
  const [budget, setBudget] = createSignal(24);
  const [error, setError] = createSignal<string | null>(null);
  const [earlier, setEarlier] = createSignal<TuneSummary[]>([]);
  const running = () => report()?.status === 'running';
  const rowsOk = () => rows().every((r) => checkRow(r).ok);
  let alive = true;
  onCleanup(() => (alive = false));

  createApiEvent('tune:progress', (p) => {
    if (p.tuneId === report()?.tuneId) setProgress(p);
  });

  /** Waits in slices so the report shows each round's arms while the search goes on. */
  const follow = async (tuneId: number) => {
    for (;;) {
      const r = await client.call('tune:wait', { tuneId, timeoutMs: 1000 });
      setReport(r);
      if (r.status !== 'running' || !alive) break;
    }
    await listEarlier();
  };
  const listEarlier = async () => setEarlier(await client.call('tune:list', { limit: 50 }));
  /** Shows a stored tune's report (and follows it if it is still running in this lab). */
  const openEarlier = async (tuneId: number) => {
    setError(null);
    try {
      const r = await client.call('tune:wait', { tuneId, timeoutMs: 0 });
      setProgress(null);
      setReport(r);
      if (r.status === 'running') await follow(tuneId);
    } catch (e) {
      setError(describeError(e));
    }
  };
  const cancel = async () => {
    const r = report();
    if (!r) return;
    try {
      await client.call('tune:cancel', { tuneId: r.tuneId });
    } catch (e) {
      setError(describeError(e));
    }
  };
  // Back on the page while a tune goes on: follow it again.
  onMount(() => {
    const r = report();
    if (r?.status === 'running') void follow(r.tuneId).catch((e: unknown) => setError(describeError(e)));
    void listEarlier().catch((e: unknown) => setError(describeError(e)));
  });
  const start = async () => {
    setError(null);
    try {
      const { tuneId } = await client.call('tune:start', {
        document: draft.document(),
        knobs: rows().map(knobText),
        objective: objective().trim(),
        ...(direction() !== 'own' && { minimise: direction() === 'minimise' }),
        seeds: seeds(),
        budget: budget(),
      });
      setProgress(null);
      setReport(null);
      await follow(tuneId);
    } catch (e) {
      setError(describeError(e));
    }
  };
  return (
    <section class="panel tune-panel" data-testid="tune-panel">
      <header class="panel-header">
        <h2>Tune</h2>
        <button type="button" aria-expanded={open()} data-testid="tune-open" onClick={() => setOpen(!open())}>
          {open() ? 'Hide' : 'Tune…'}
        </button>
      </header>
      <Show when={open()}>
        <form
          data-testid="tune-form"
          onSubmit={(e) => {
            e.preventDefault();
            void start();
          }}
        >
          <p class="muted small">
            Searches the knobs' ranges with the rate engine (unless the scenario says exact), each arm run
            with every seed: a Latin-hypercube first pass, then rounds around the best two arms. A range
            spanning 10x or more is searched on a log scale.
          </p>
          <KnobRows rows={rows()} onChange={setRows} />
          <div class="field-grid">
            <label class="field">
              <span class="field-label">Objective</span>
              <input
                type="text"
                list="tune-objectives"
                value={objective()}
                data-testid="tune-objective"
                onInput={(e) => setObjective(e.currentTarget.value)}
              />
              <datalist id="tune-objectives">
                <For each={OBJECTIVES}>{(o) => <option value={o} />}</For>
              </datalist>
              <span class="field-hint">a Compare metric: also vmstat:NAME, task:NAME:throughput</span>
            </label>
            <label class="field">
              <span class="field-label">Direction</span>
              <select
                value={direction()}
                data-testid="tune-direction"
                onChange={(e) => setDirection(e.currentTarget.value as 'own' | 'maximise' | 'minimise')}
              >
                <option value="own">the metric's own</option>
                <option value="maximise">maximise</option>
                <option value="minimise">minimise</option>
              </select>
            </label>
            <label class="field">
              <span class="field-label">Seeds per arm</span>
              <input
                type="number"
                min="1"
                max="100"
                value={seeds()}
                data-testid="tune-seeds"
                onInput={(e) => setSeeds(Math.max(1, Math.min(100, Number(e.currentTarget.value) || 1)))}
              />
            </label>
            <label class="field">
              <span class="field-label">Budget</span>
              <input
                type="number"
                min="2"
                value={budget()}
                data-testid="tune-budget"
                onInput={(e) => setBudget(Math.max(2, Number(e.currentTarget.value) || 2))}
              />
              <span class="field-hint">
                runs in all: {Math.floor(budget() / seeds())} arms of {seeds()} seeds
              </span>
            </label>
          </div>
          <Show when={error()}>
            <p class="field-error" role="alert" data-testid="tune-error">
              {error()}
            </p>
          </Show>
          <div class="button-row">
            <button type="submit" class="primary" disabled={running() || !rowsOk()} data-testid="tune-start">
              Start tune
            </button>
            <Show when={running()}>
              <button type="button" data-testid="tune-cancel" onClick={() => void cancel()}>
                Cancel tune
              </button>
            </Show>
          </div>
        </form>
        <Show when={earlier().length > 0}>
          <label class="field">
            <span class="field-label">Earlier tunes in this lab</span>
            <select
              data-testid="tune-earlier"
              value={report()?.tuneId ?? ''}
              onChange={(e) => void openEarlier(Number(e.currentTarget.value))}
            >
              <option value="" disabled>
                open one…
              </option>
              <For each={earlier()}>
                {(t) => (
                  <option value={t.tuneId}>
                    #{t.tuneId} {t.scenario}: {t.objective} over {t.knobs.join(', ')} ({t.status},{' '}
                    {new Date(t.createdAt).toLocaleString()})
                  </option>
                )}
              </For>
            </select>
          </label>
        </Show>
      </Show>
      <Show when={report()}>
        {(r) => (
          <>
            <Show when={r().status === 'running'}>
              <TuneProgressBar progress={progress()} />
            </Show>
            <Show when={r().status === 'failed'}>
              <p class="field-error" role="alert" data-testid="tune-error">
                The tune failed: {r().error}
              </p>
            </Show>
            <Show when={r().status === 'cancelled' || r().status === 'interrupted'}>
              <p class="muted" role="status" data-testid="tune-ended-early">
                {r().status === 'cancelled'
                  ? 'Cancelled: the report has the rounds that finished.'
                  : `Interrupted (${r().error}): the report has the rounds that finished.`}
              </p>
            </Show>
            <TuneResults report={r()} />
          </>
        )}
      </Show>
    </section>
  );
}
