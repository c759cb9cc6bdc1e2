import type { z } from 'zod';
import type { Document, LineCounter } from 'yaml';
import type { Issue } from '../issue.ts';
import { yamlLine } from './yaml-line.ts';
import { allowedKeys } from './json-schema.ts';

/** A config finding: an Issue whose `at.row` is the YAML line, plus the dotted key it concerns. */
export interface ConfigIssue extends Issue {
  /** The key path, e.g. `columns.controls[0].sign` ('' for the whole file). */
  key: string;
}

/**
 * A key path in the dotted form used in messages.
 * @example keyPath(['columns', 'controls', 0, 'sign']) // 'columns.controls[0].sign'
 */
export function keyPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : `${out === '' ? '' : '.'}${String(k)}`;
  return out;
}

/**
 * Turns zod's validation issues into located config issues (code CONFIG_INVALID): each names the
 * file, the YAML line of the key (or of its enclosing key when the key is missing), the key, what is
 * wrong in plain words, and a hint (allowed keys, allowed values, the range).
 * @param error zod's error from configSchema.safeParse
 * @param doc the parsed YAML document the config came from
 * @param lineCounter the LineCounter used to parse it
 * @param file the config file name shown to the user
 * @returns one issue per zod issue, in zod's order
 * @example configIssues(err, doc, lc, 'mixwise.yaml')[0] // { code: 'CONFIG_INVALID', key: 'columns.controls[0].sign', at: { file: 'mixwise.yaml', row: 12 }, … }
 */
export function configIssues(error: z.ZodError, doc: Document, lineCounter: LineCounter, file: string): ConfigIssue[] {
  const value = doc.toJS() as unknown;
  return error.issues.flatMap(unionBranch).map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path;
    const key = keyPath(path);
    const { message, hint } = describe(issue, valueAt(value, issue.path));
    const place = yamlLine(doc, lineCounter, path);
    return { code: 'CONFIG_INVALID', severity: 'error', message: `${key === '' ? 'the file' : key}: ${message}`, hint, at: { file, row: place.line }, key };
  });
}

/**
 * A union that failed in every branch: the issues of the branch that got furthest into the value
 * (the deepest path, e.g. `negatives` of `{ negatives: clap }`), with full paths; the union issue
 * itself when no branch got past the value's type.
 */
function unionBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const depth = (branch: z.core.$ZodIssue[]): number => Math.max(0, ...branch.map((i) => (i.code === 'unrecognized_keys' ? 1 : i.path.length)));
  const best = issue.errors.reduce((a, b) => (depth(b) > depth(a) ? b : a));
  if (depth(best) === 0) return [issue];
  return best.flatMap((i) => unionBranch({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue));
}

function describe(issue: z.core.$ZodIssue, got: unknown): { message: string; hint: string } {
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'invalid_union':
      return {
        message: `${shown(got)} is not allowed here`,
        hint: issue.path[0] === 'cleaning'
          ? 'use one of: sort_dates, decimal_comma, fill_gaps, impute_controls, winsorize, skip_missing_kpi, "negatives: clip" (or reject), "winsorize: { lower: 0.01, upper: 0.99 }"'
          : 'see docs/config.md for the allowed values',
      };
    case 'unrecognized_keys': {
      const allowed = allowedKeys(issue.path);
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return { message: `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}`, hint: `check the spelling; allowed keys here: ${allowed.join(', ')}` };
    }
    case 'invalid_type':
      if (got === undefined) {
        return { message: `required key "${String(last)}" is missing`, hint: `add "${String(last)}:" with a value (see docs/config.md)` };
      }
      return {
        message: `expected ${article(issue.expected)}, got ${shown(got)}`,
        hint: issue.expected === 'string' ? 'put the value in quotes if it looks like a number, a date or true/false' : `write ${article(issue.expected)}`,
      };
    case 'invalid_value':
      return {
        message: `${shown(got)} is not allowed`,
        hint: issue.values.length === 1 ? `write ${String(issue.values[0])}` : `use one of: ${issue.values.map(String).join(', ')}`,
      };
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const op = issue.code === 'too_small' ? (issue.inclusive === false ? '>' : '≥') : (issue.inclusive === false ? '<' : '≤');
      if (issue.origin === 'array') return { message: `needs ${op} ${String(bound)} entries`, hint: 'add entries, or leave the key out to use the default' };
      if (issue.origin === 'string') return { message: 'must not be empty', hint: 'write a value, or leave the key out' };
      return { message: `${shown(got)} is out of range: it must be ${op} ${String(bound)}`, hint: `use a number ${op} ${String(bound)}` };
    }
    case 'custom': {
      const hint = (issue.params as { hint?: string } | undefined)?.hint;
      return { message: issue.message, hint: hint ?? 'see docs/config.md' };
    }
    default:
      return { message: `${issue.message} (got ${shown(got)})`, hint: 'see docs/config.md for the allowed values' };
  }
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const k of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[k];
  }
  return node;
}

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'object') return Array.isArray(value) ? 'a list' : 'a group of keys';
  return String(value);
}

function article(type: string): string {
  if (type === 'array') return 'a list';
  if (type === 'object') return 'a group of keys';
  if (type === 'int') return 'a whole number';
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}
