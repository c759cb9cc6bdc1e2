import { idleBounds, type AllocationConstraints } from '@mixwise/engine';
import type { EngineClient } from '../worker/engine-client.ts';
import { DEFAULT_CONTROL, type ChannelControl } from './constraints.ts';

/** The simulator's "Current spend measured over" choices: the whole window, the last 52 or 13 periods, or a number typed. */
export type ReferenceChoice = 'window' | '52' | '13' | 'custom';

/** The choices in order, each with its label ('last 52 weeks') and whether the window is long enough for it. */
export function referenceChoices(windowPeriods: number, period: string): { readonly value: ReferenceChoice; readonly label: string; readonly disabled: boolean }[] {
  return [
    { value: 'window', label: `the whole window (${windowPeriods} ${period}s)`, disabled: false },
    { value: '52', label: `the last 52 ${period}s`, disabled: windowPeriods <= 52 },
    { value: '13', label: `the last 13 ${period}s`, disabled: windowPeriods <= 13 },
    { value: 'custom', label: `the last N ${period}s…`, disabled: false },
  ];
}

/** The select's value as a choice ('window' for anything else). */
export function referenceChoiceOf(value: string): ReferenceChoice {
  return value === '52' || value === '13' || value === 'custom' ? value : 'window';
}

/**
 * The reference periods the page sends with its requests: undefined for the whole window (the requests
 * then carry none, as before), N for the last N periods, or why a typed N cannot be used (a whole
 * number from 1 to the window's length, as the API's and the CLI's --reference-periods take it).
 * @example readReferencePeriods('custom', '26', 156, 'week') // { referencePeriods: 26 }
 * @example readReferencePeriods('custom', '200', 156, 'week') // { problem: 'Type a whole number of weeks from 1 to 156 (the modeled weeks).' }
 */
export function readReferencePeriods(choice: ReferenceChoice, customText: string, windowPeriods: number, period: string): { referencePeriods: number | undefined } | { problem: string } {
  if (choice === 'window') return { referencePeriods: undefined };
  const n = choice === 'custom' ? Number(customText.trim()) : Number(choice);
  if (customText.trim() === '' && choice === 'custom') return { problem: `Type how many of the last ${period}s current spend is measured over (1 to ${windowPeriods}).` };
  if (!Number.isInteger(n) || n < 1 || n > windowPeriods) return { problem: `Type a whole number of ${period}s from 1 to ${windowPeriods} (the modeled ${period}s).` };
  // The whole window asked as a number is the whole window: the same answers, and no request field.
  return { referencePeriods: n === windowPeriods ? undefined : n };
}

/**
 * What "current" means on the page, with the first date measured.
 * @param referencePeriods the last N periods, or undefined for the whole window
 * @param dates the model's period dates; window its modeling window [start, end)
 * @example currentMeaning(13, dates, { start: 0, end: 156 }, 'week') // 'Current spend is the mean spend per week over the last 13 of the 156 modeled weeks (from 2024-10-07).'
 */
export function currentMeaning(referencePeriods: number | undefined, dates: readonly string[], window: { readonly start: number; readonly end: number }, period: string): string {
  const W = window.end - window.start;
  if (referencePeriods === undefined || referencePeriods >= W) return `Current spend is the mean spend per ${period} over all ${W} modeled ${period}s (from ${dates[window.start]}).`;
  return `Current spend is the mean spend per ${period} over the last ${referencePeriods} of the ${W} modeled ${period}s (from ${dates[window.end - referencePeriods]}).`;
}

/**
 * The engine client with `referencePeriods` added to every request (none for the whole window), so that
 * every section of the page (what-if, optimise, scenarios, plan, goals, information value) measures
 * "current" alike.
 * @example withReference(client, 13).request({ type: 'whatIf', spend }) // sends { type: 'whatIf', spend, referencePeriods: 13 }
 */
export function withReference(client: EngineClient, referencePeriods: number | undefined): EngineClient {
  if (referencePeriods === undefined) return client;
  return {
    request: (request) => client.request(request.type === 'load' ? request : { ...request, referencePeriods }),
    dispose: () => client.dispose(),
  };
}

/**
 * Channels idle over the reference periods (current 0) that spent over the window, with the default
 * limits (Min × and Max × as DEFAULT_BOUNDS): multiples of nothing would freeze them at 0, so they may
 * spend from 0 to Max × their mean over the window instead: the engine's rule (idleBounds), the one the
 * CLI and the API apply under `--reference-periods N`. Other channels, and limits the user typed (which
 * count as bounds of their own), are left as they are.
 * @param constraints the page's constraints (buildConstraints)
 * @param controls [nChannels] the limits as read; current and windowCurrent [nChannels] spend per period
 * @example idleDefaults(c, ['tv'], [DEFAULT_CONTROL], [0], [100]).channels?.tv // { min: { type: 'absolute', value: 0 }, max: { type: 'absolute', value: 200 } }
 */
export function idleDefaults(constraints: AllocationConstraints, names: readonly string[], controls: readonly ChannelControl[], current: readonly number[], windowCurrent: readonly number[]): AllocationConstraints {
  const typed = (i: number): boolean => controls[i].min !== DEFAULT_CONTROL.min || controls[i].max !== DEFAULT_CONTROL.max;
  const idle = idleBounds(names.map((name, i) => ({ name, current: current[i], windowMean: windowCurrent[i], ownBounds: typed(i) })));
  if (Object.keys(idle).length === 0) return constraints;
  return { ...constraints, channels: { ...constraints.channels, ...idle } };
}
