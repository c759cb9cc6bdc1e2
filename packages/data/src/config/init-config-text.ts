import { stringify } from 'yaml';
import {
  ADSTOCK_TYPES, AUTO_SATURATION_FAMILIES, DEFAULT_LIFT_TEST_SE_TEXT, DEFAULT_MAX_LAG, DEFAULT_ROI_PRIOR, DEFAULT_SEASONALITY_ORDER, HOLIDAY_SET_NAMES,
  SATURATION_TYPES, defaultModelSpec, naturalCompare,
} from '@mixwise/engine';
import { meridianSourcesText } from '../detect/meridian-shape.ts';
import { guessTargetKind } from '../build/guess-target-kind.ts';
import { leftOutText } from '../detect/candidate-controls.ts';
import { describeTextColumn } from '../detect/text-columns.ts';
import { NO_EVENT_LEVELS, eventDummyName } from '../build/read-event-columns.ts';
import type { ConfigDetection } from './detect-config.ts';

/** Where the written config points: the data file and (optionally) the JSON Schema for editors. */
export interface InitConfigOptions {
  /** `data.path` as written: relative to the config file's folder, or absolute. */
  dataPath: string;
  /** The JSON Schema's path or URL for the `# yaml-language-server: $schema=` line (left out when undefined). */
  schema?: string;
}

/**
 * Writes a commented mixwise.yaml from what detectConfig found: each section starts with comments
 * saying what its keys mean and which alternatives were detected (other date-like and KPI-like
 * columns, further exposure columns); model and search keys are written with the engine's defaults
 * for the data's frequency (defaultModelSpec), so every choice is visible and can be edited.
 * @param d the detection
 * @param options data path and schema location
 * @returns YAML text that loadConfig accepts
 * @example initConfigText(detectConfig(csv), { dataPath: 'data.csv' }).includes('target: revenue') // true
 */
export function initConfigText(d: ConfigDetection, options: InitConfigOptions): string {
  const spec = defaultModelSpec({ nTimes: d.nRows, frequency: d.frequency, channels: d.channels.map((c) => c.name) });
  // A data set without channels still gets the per-channel defaults written out.
  const first = spec.channels[0] ?? defaultModelSpec({ nTimes: d.nRows, frequency: d.frequency, channels: ['channel'] }).channels[0];
  const unit = d.frequency === 'weekly' ? 'weeks' : 'days';
  const or = (names: readonly string[]): string => (names.length === 0 ? 'none' : names.join(', '));
  const out: string[] = [];
  const line = (text = ''): void => void out.push(text);
  if (options.schema !== undefined) line(`# yaml-language-server: $schema=${options.schema}`);
  line('# Mixwise project configuration, written by "mixwise init". Every key is described in docs/config.md.');
  line('# Lines starting with # are comments; edit the values, then run "mixwise prepare" or "mixwise fit --config".');
  line();
  line('version: 1');
  line();
  line('# The data file: one row per period. A relative path starts from the folder of this file.');
  line('data:');
  line(`  path: ${scalar(options.dataPath)}`);
  line('  format: csv');
  line();
  line('# Which column plays which part. Names are case-sensitive.');
  line('columns:');
  line(`  # The date column (detected). Other date-like columns: ${or(d.dateAlternatives)}.`);
  line(`  date: ${scalar(d.date)}`);
  line(`  # The KPI to explain. Other KPI-like columns (not used): ${or(d.targetAlternatives)}.`);
  line(`  target: ${scalar(d.target)}`);
  line('  # revenue: ROI is KPI per unit of spend; count (orders, leads, sign-ups): cost per acquisition too.');
  line(`  target_kind: ${guessTargetKind(d.target)}`);
  if (d.named.channels) {
    line('  # Paid media, as named with --channels. Each channel may set its own adstock,');
  } else if (d.warnings.some((w) => w.code === 'SPEND_BY_NAME')) {
    line('  # Paid media, detected by their names (no column ends in _spend): check them.');
    line('  # Each channel may set its own adstock,');
  } else line('  # Paid media, detected as the columns ending in _spend. Each channel may set its own adstock,');
  line('  # max_lag, saturation and search bounds, e.g. bounds: { adstock: { alpha: [0, 0.6] } }.');
  line('  channels:');
  for (const c of d.channels) {
    line(`    - name: ${scalar(c.name)}`);
    line(`      spend: ${scalar(c.spend)}`);
    if (c.exposure !== undefined) {
      line(`      exposure: ${scalar(c.exposure)}${c.exposureAlternatives.length > 0 ? `  # other exposure columns: ${or(c.exposureAlternatives)}` : ''}`);
    }
  }
  line(d.named.controls ? '  # Controls, as named with --controls (price, distribution, competitor activity…).'
    : '  # Controls: numeric columns with no other role (price, distribution, competitor activity…).');
  line('  # sign: positive, negative, or free when the direction of the effect is not known.');
  line('  # Remove any that is not a driver of the KPI.');
  if (d.controls.length === 0) line('  controls: []');
  else {
    line('  controls:');
    for (const c of d.controls) line(`    - { name: ${scalar(c)}, sign: free }`);
  }
  if (d.calendar.length > 0) {
    line(`  # Left out: calendar columns (${d.calendar.join(', ')}); trend, seasonality and events model the calendar.`);
  }
  const others = d.leftOut.filter((l) => l.reason !== 'calendar');
  if (others.length > 0) line(`  # Also left out of the controls: ${others.map((l) => `${l.column} (${leftOutText(l)})`).join(', ')}.`);
  // Columns the reader dropped are not in the detection; name them so the config says where they went.
  organicLines(d.organic, d.organicProblems).forEach((l) => line(l));
  const ignored = d.warnings.filter((w) => w.code === 'UNNAMED_COLUMN_DROPPED' && w.at.column !== undefined).map((w) => `"${w.at.column}"`);
  if (ignored.length > 0) line(`  # Ignored: ${ignored.join(', ')} (pandas' name for a column without a header, often a stale row index): never a channel, control or KPI.`);
  line('  # Events: columns holding only 0 and 1 (holidays, promotions), each with a free sign.');
  for (const t of d.text.filter((c) => c.events)) {
    const levels = t.values.filter((v) => !NO_EVENT_LEVELS.includes(v.toLowerCase()));
    line(`  # ${t.column}: a text column (${t.values.join(', ')}), proposed as events: each value other than na, none or an empty cell`);
    line(`  # becomes a 0/1 event (${levels.map((v) => eventDummyName(t.column, v)).join(', ')}). Remove it if those values are not events.`);
  }
  const otherText = d.text.filter((c) => !c.events);
  if (otherText.length > 0) line(`  # Not used: text columns ${otherText.map((t) => describeTextColumn(t)).join(', ')}.`);
  line('  # Move one to controls to constrain the sign of its effect.');
  line(d.events.length === 0 ? '  events: []' : `  events: [${d.events.map(scalar).join(', ')}]`);
  line();
  if (d.panel !== undefined) {
    const sorted = [...d.panel.values].sort(naturalCompare);
    const shown = sorted.slice(0, 5).join(', ') + (sorted.length > 5 ? `, … (${sorted.length} in all)` : '');
    const { columns } = d.panel;
    line(`# The file has a row per date and ${columns.join(' × ')} (${shown}). Before the fit, the rows of each date are`);
    line('# added up into one (spend, the KPI, counts such as population or impressions and other numbers');
    line('# summed; controls and rates or levels such as a price or a value per conversion averaged, controls');
    line('# weighted by population when the file has a population column; 0/1 events by their largest value),');
    line('# and every combined');
    line(columns.length === 1 ? `# cell is logged. To model some of them only, add e.g. keep: [${scalar(d.panel.values[0])}].` : '# cell is logged.');
    if (d.meridianShaped === true) line(`# Also: ${meridianSourcesText(options.dataPath)}.`);
    // One key column can also be fitted as it is: the geo-level model (fit --geo).
    if (columns.length === 1) {
      line(`# Or fit a geo-level model on every ${columns[0]}'s own series, with shared media curves: delete this`);
      line(`# cleaning: list and add "geo: ${scalar(columns[0])}" under columns: (the same as mixwise fit --geo ${columns[0]}).`);
    }
    line('cleaning:');
    line(`  - sum_panel: { column: ${columns.length === 1 ? scalar(columns[0]) : `[${columns.map(scalar).join(', ')}]`} }`);
    missingKpiLines(d, true).forEach((l) => line(l));
    line();
  } else if (d.missingKpi !== undefined) {
    missingKpiLines(d, false).forEach((l) => line(l));
    line();
  }
  line(`# Time step, detected from the dates (${d.nRows} rows, ${d.firstDate} … ${d.lastDate}): weekly or daily.`);
  line(`granularity: ${d.frequency}`);
  line();
  line(`# Built-in holidays added as 0/1 events named holiday_<id> (default: none): sets ${HOLIDAY_SET_NAMES.join(', ')}`);
  line('# (Black Friday, Cyber Monday, Christmas shopping…) and single ids such as black-friday; see docs/model.md.');
  line('# Leave out holidays the file already has as event columns.');
  line('# holidays: [us, retail]');
  if (d.frequency === 'weekly') {
    line('# Each weekly date is the first day of its week (start) or the last (end): it places holidays in weeks.');
    line('# week_label: start');
    line('# One event per holiday set instead of per holiday, to spend fewer degrees of freedom:');
    line('# holiday_columns: set');
  }
  line();
  line('# Modeling window (default: every row). Earlier rows still warm up carryover.');
  line('# window:');
  line(`#   start: ${d.firstDate}`);
  line(`#   end: ${d.lastDate}`);
  line();
  line('# Final periods of the window kept out of the fit and scored as a test (0 = none).');
  line(`holdout: ${spec.holdout}`);
  line();
  line('# Model choices. adstock, max_lag and saturation apply to every channel that does not set its own.');
  line('model:');
  line(`  # Carryover: ${ADSTOCK_TYPES.join(', ')}, or auto (the search picks per channel).`);
  line(`  adstock: ${first.adstock}`);
  // Keys whose default depends on the data (frequency, window length) are written commented out, so
  // the automatic rule keeps applying after the window or the file changes; uncommenting fixes them.
  line(`  # Longest carryover, in ${unit}. Default: ${DEFAULT_MAX_LAG.weekly} weekly, ${DEFAULT_MAX_LAG.daily} daily; uncomment to fix it.`);
  line(`  # max_lag: ${first.maxLag}`);
  line(`  # Diminishing returns: ${SATURATION_TYPES.join(', ')}, or auto (the search picks ${AUTO_SATURATION_FAMILIES.join(' or ')} per channel).`);
  line(`  saturation: ${first.saturation}`);
  line(`  # Fourier order of yearly seasonality (0 = none). Default: ${DEFAULT_SEASONALITY_ORDER.weekly} weekly, ${DEFAULT_SEASONALITY_ORDER.daily} daily, 0 when the modeling window`);
  line('  # covers less than a year (then a yearly pattern cannot be told from the trend); uncomment to fix it.');
  line(`  # seasonality: ${spec.seasonalityOrder}`);
  line('  # Trend changepoints (0 = a straight trend).');
  line(`  changepoints: ${spec.trend.changepoints}`);
  const prior = `{ median: ${DEFAULT_ROI_PRIOR.median.toFixed(2)}, sd_log: ${DEFAULT_ROI_PRIOR.sdLog} }`;
  line('  # Log-normal prior on every channel\'s ROI, or none. Default for a revenue KPI whose spend is in the same');
  line(`  # currency: ${prior}; none for counts or spend in other units.`);
  line(`  # roi_prior: ${prior}`);
  line();
  line('# Lift-test (experiment) results to calibrate the model against: lift = what the channel\'s spend from start');
  line('# to end produced, measured through measured_through (omitted: end); standard_error: the test\'s, in KPI');
  line(`# units (omitted: ${DEFAULT_LIFT_TEST_SE_TEXT}), e.g.`);
  line('# calibration:');
  line('#   lift_tests:');
  line(`#     - { channel: ${d.channels[0]?.name ?? 'tv'}, start: ${d.firstDate}, end: ${d.lastDate}, lift: 125000, standard_error: 25000 }`);
  line();
  line('# Hyperparameter search: candidate models evaluated, random seed, independent runs pooled.');
  line('search:');
  line(`  iterations: ${spec.search.iterations}`);
  line(`  seed: ${spec.search.seed}`);
  line(`  trials: ${spec.search.trials}`);
  return out.join('\n') + '\n';
}

/**
 * The commented suggestion of organic media (exposure without spend) under `columns:`: what the role
 * means, then `# organic: [...]` with the columns that look like it, for the user to check and uncomment
 * (never set silently: a series the user did not choose is not modelled). A column that would fail the
 * organic checks as it is (`problems`, organicColumnProblem) is left out of that list and named on a
 * line of its own with what to fix. A short pointer without any.
 * @param organic the columns that look like organic media
 * @param problems what each failing column needs (default none)
 * @example organicLines(['newsletter_sends']).at(-1) // '  # organic: [newsletter_sends]'
 */
export function organicLines(organic: readonly string[], problems: Readonly<Record<string, string>> = {}): string[] {
  if (organic.length === 0) return ['  # Organic media (exposure without spend: newsletter sends, organic impressions), e.g. organic: [newsletter_sends].'];
  const ok = organic.filter((c) => problems[c] === undefined);
  return [
    '  # Organic media: exposure without spend (newsletter sends, organic impressions, PR mentions), modelled with',
    '  # carryover and saturation against zero exposure, without ROI. These columns look like it and are used in',
    ...(ok.length === 0 ? ['  # no other role, but each needs fixing first (numbers ≥ 0, no empty cell):']
      : ['  # no other role; check them, then uncomment (numbers ≥ 0, no empty cell):', `  # organic: [${ok.map(scalar).join(', ')}]`]),
    ...organic.filter((c) => problems[c] !== undefined).map((c) => `  # Not listed until fixed: ${c}: ${problems[c]}.`),
  ];
}

/** A string as a YAML scalar, quoted only when YAML needs it (e.g. `2024`, `true`, `a: b`). */
function scalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/**
 * The commented suggestion of skip_missing_kpi when the KPI is empty or NA in some periods: a comment,
 * then the step commented out (under the panel's `cleaning:` list when there is one).
 * @example missingKpiLines({ target: 'revenue', missingKpi: ['2024-10-07'] }, false).at(-1) // '#   - skip_missing_kpi'
 */
export function missingKpiLines(d: Pick<ConfigDetection, 'target' | 'missingKpi'>, inList: boolean): string[] {
  const dates = d.missingKpi ?? [];
  if (dates.length === 0) return [];
  const shown = dates.slice(0, 5).join(', ') + (dates.length > 5 ? `, … (${dates.length} in all)` : '');
  return [
    `# The KPI "${d.target}" is empty or NA in ${dates.length} period${dates.length === 1 ? '' : 's'} (${shown}). A KPI is never invented:`,
    '# fill them in, or uncomment skip_missing_kpi to leave those periods out of the fit (their spend still',
    '# carries over; each is logged). The first and last periods of the window need a KPI (set window: instead).',
    ...(inList ? [] : ['# cleaning:']),
    '#   - skip_missing_kpi',
  ];
}
