// The knobs a tune searches, one row each: the knob by its kernel name and its range as the CLI's
// --knob takes it (`100..10000`, `always,never`, empty for every value of a boolean or choice),
// checked as you type with the same parser the API uses, so a bad range is named before starting.
import { For, Show } from 'solid-js';
import { KNOBS, type KnobName } from '../../shared/scenario/knobs.ts';
import { parseKnobRange, describeRange } from '../../shared/tune/knob-range.ts';

export interface KnobRow {
  knob: KnobName;
  range: string;
}

/** The --knob text of a row: `NAME=RANGE`, or `NAME` alone for every value of a listed knob. */
export function knobText(row: KnobRow): string {
  return row.range.trim() === '' ? row.knob : `${row.knob}=${row.range.trim()}`;
}

/** The row's problem in words, or its reading (`100..10000 (log scale)`) when it parses. */
export function checkRow(row: KnobRow): { ok: boolean; text: string } {
  try {
    return { ok: true, text: describeRange(parseKnobRange(knobText(row))) };
  } catch (e) {
    return { ok: false, text: (e as Error).message };
  }
}

/** A range to start from: a decade either side of the default, inside the knob's limits. */
export function defaultRange(knob: KnobName): string {
  const spec = KNOBS[knob];
  if (spec.kind !== 'int') return '';
  const base = typeof spec.default === 'number' && spec.default > 0 ? spec.default : Math.max(1, spec.min);
  const lo = Math.max(spec.min, Math.round(base / 10));
  const hi = Math.min(spec.max, Math.max(lo + 1, base * 10));
  return `${lo}..${hi}`;
}

const KNOB_NAMES = Object.keys(KNOBS) as KnobName[];

export function KnobRows(props: { rows: KnobRow[]; onChange: (rows: KnobRow[]) => void }) {
  const update = (i: number, row: KnobRow) => props.onChange(props.rows.map((r, j) => (j === i ? row : r)));
  const unused = () => KNOB_NAMES.find((k) => !props.rows.some((r) => r.knob === k)) ?? KNOB_NAMES[0]!;
  return (
    <fieldset class="tune-knobs" data-testid="tune-knobs">
      <legend>Knobs</legend>
      <For each={props.rows}>
        {(row, i) => {
          const check = () => checkRow(row);
          return (
            <div class="tune-knob-row" data-testid="tune-knob-row">
              <label class="field">
                <span class="field-label">Knob</span>
                <select
                  value={row.knob}
                  data-testid="tune-knob-name"
                  onChange={(e) => {
                    const knob = e.currentTarget.value as KnobName;
                    update(i(), { knob, range: defaultRange(knob) });
                  }}
                >
                  <For each={KNOB_NAMES}>{(k) => <option value={k}>{k}</option>}</For>
                </select>
              </label>
              <label class="field" title={KNOBS[row.knob].help}>
                <span class="field-label">
                  Range <span class="field-unit">{KNOBS[row.knob].unit}</span>
                </span>
                <input
                  type="text"
                  value={row.range}
                  placeholder={KNOBS[row.knob].kind === 'int' ? 'A..B or A,B,C' : 'every value, or A,B'}
                  aria-invalid={!check().ok}
                  data-testid="tune-knob-range"
                  onInput={(e) => update(i(), { ...row, range: e.currentTarget.value })}
                />
                <span class={check().ok ? 'field-hint' : 'field-error'} data-testid="tune-knob-check">
                  {check().text}
                </span>
              </label>
              <Show when={props.rows.length > 1}>
                <button
                  type="button"
                  class="tune-knob-remove"
                  aria-label={`Remove ${row.knob}`}
                  onClick={() => props.onChange(props.rows.filter((_, j) => j !== i()))}
                >
                  Remove
                </button>
              </Show>
            </div>
          );
        }}
      </For>
      <button
        type="button"
        data-testid="tune-add-knob"
        onClick={() => props.onChange([...props.rows, { knob: unused(), range: defaultRange(unused()) }])}
      >
        Add knob
      </button>
    </fieldset>
  );
}
