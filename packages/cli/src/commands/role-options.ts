import { Option } from 'commander';
import { parseList } from './parse-options.ts';

/**
 * The options that name column roles, shared by the commands that take them (fit, validate, init):
 * one spelling, one parser, so a hint that says "name them with --channels" means the same on each.
 */

/** `--date <column>`: the date column, detected when left out. */
export function dateOption(): Option {
  return new Option('--date <column>', 'the date column (default: detected)');
}

/**
 * `--channels <list>`: the spend columns (or channel names), comma-separated, parsed by parseList.
 * @example program.command('fit').addOption(channelsOption())
 */
export function channelsOption(): Option {
  return new Option('--channels <list>', 'spend columns, comma-separated (default: every column ending in _spend; if none, columns named like spend: tv_cost, spend_tv, mdsp_tv, tv_S)')
    .argParser(parseList);
}

/**
 * `--controls <list>`: the control columns, comma-separated, parsed by parseList.
 * @param fallback what the command does without the option, for the help text
 * @example program.command('validate').addOption(controlsOption('none'))
 */
export function controlsOption(fallback: string): Option {
  return new Option('--controls <list>', `control columns, comma-separated (default: ${fallback})`).argParser(parseList);
}

/**
 * `--organic <list>`: organic media columns (exposure without spend: newsletter sends, organic
 * impressions), comma-separated, parsed by parseList. Never detected: the user decides.
 * @example program.command('fit').addOption(organicOption())
 */
export function organicOption(): Option {
  return new Option('--organic <list>', 'organic media columns, comma-separated: exposure without spend (newsletter sends, organic impressions, PR mentions), '
    + 'numbers ≥ 0 with no empty cell, modelled with carryover and saturation like a channel and measured against zero exposure, without ROI or a place in the plan (default: none)')
    .argParser(parseList);
}
