import { DEFAULT_INPUT, type ControlInput } from './bound-fields.ts';

/** The part of Storage the simulator uses (sessionStorage in the page; a map in tests). */
export type SessionStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The simulator's scenario for one run: spend per channel and the bound fields and locks as typed. */
export interface SimulatorScenario {
  readonly spend: readonly number[];
  readonly inputs: readonly ControlInput[];
}

interface Stored {
  readonly v: 1;
  readonly channels: readonly string[];
  readonly current: readonly number[];
  readonly spend: readonly number[];
  readonly inputs: readonly ControlInput[];
}

/** The storage key of a run's simulator scenario. @example scenarioKey('demo') // 'mixwise.simulator.demo' */
export function scenarioKey(runId: string): string {
  return `mixwise.simulator.${runId}`;
}

const isInput = (x: unknown): x is ControlInput => typeof x === 'object' && x !== null
  && typeof (x as ControlInput).minText === 'string' && typeof (x as ControlInput).maxText === 'string' && typeof (x as ControlInput).locked === 'boolean';
const sameNumbers = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The scenario kept for a run, when it was kept for the same model (the same channels and current
 * spend); null when none was, or what is stored is not one (another model, an older shape, damaged).
 * @param store sessionStorage, or a stand-in
 * @param runId the run
 * @param names [nChannels] the model's channel names
 * @param current [nChannels] the model's current spend per period
 */
export function loadScenario(store: SessionStore | null, runId: string, names: readonly string[], current: readonly number[]): SimulatorScenario | null {
  let s: Partial<Stored>;
  try {
    const text = store?.getItem(scenarioKey(runId));
    if (!text) return null;
    s = JSON.parse(text) as Partial<Stored>;
  } catch { return null; }
  if (s.v !== 1 || !Array.isArray(s.channels) || !Array.isArray(s.current) || !Array.isArray(s.spend) || !Array.isArray(s.inputs)) return null;
  if (s.channels.length !== names.length || s.channels.some((c, i) => c !== names[i]) || !sameNumbers(s.current, current)) return null;
  if (s.spend.length !== names.length || !s.spend.every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0)) return null;
  if (s.inputs.length !== names.length || !s.inputs.every(isInput)) return null;
  return { spend: [...s.spend], inputs: s.inputs.map((x) => ({ minText: x.minText, maxText: x.maxText, locked: x.locked })) };
}

/**
 * Keep a run's scenario for the session, so that it is there again after another page; a scenario
 * that is current spend with the default fields is nothing to keep, and removes what was kept.
 * Storage that refuses (full, disabled) only means nothing is kept.
 */
export function saveScenario(store: SessionStore | null, runId: string, names: readonly string[], current: readonly number[], scenario: SimulatorScenario): void {
  const untouched = sameNumbers(scenario.spend, current)
    && scenario.inputs.every((x) => x.minText === DEFAULT_INPUT.minText && x.maxText === DEFAULT_INPUT.maxText && x.locked === DEFAULT_INPUT.locked);
  try {
    if (untouched) { store?.removeItem(scenarioKey(runId)); return; }
    const stored: Stored = { v: 1, channels: names, current, spend: scenario.spend, inputs: scenario.inputs };
    store?.setItem(scenarioKey(runId), JSON.stringify(stored));
  } catch { /* nothing kept */ }
}

/** Forget a run's scenario. */
export function clearScenario(store: SessionStore | null, runId: string): void {
  try { store?.removeItem(scenarioKey(runId)); } catch { /* nothing kept */ }
}

/**
 * Reset: forget the run's scenario and give the page what it starts from — current spend and every
 * bound field and lock at its default. The page must take both: keeping its bounds or locks would
 * save them again at once (saveScenario runs on every change), so they came back after a reload.
 * @returns the scenario to show: current spend, default fields
 */
export function resetScenario(store: SessionStore | null, runId: string, names: readonly string[], current: readonly number[]): SimulatorScenario {
  clearScenario(store, runId);
  return { spend: [...current], inputs: names.map(() => DEFAULT_INPUT) };
}

/** The page's sessionStorage, or null where there is none or it may not be used. */
export function sessionStore(): SessionStore | null {
  try { return typeof sessionStorage === 'undefined' ? null : sessionStorage; } catch { return null; }
}
