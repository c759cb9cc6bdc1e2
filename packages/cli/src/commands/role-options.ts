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
