import { z } from 'zod';
import { configSchema } from './config-schema.ts';

/** Where editors find the schema, relative to the repository root. */
export const CONFIG_SCHEMA_PATH = 'schemas/mixwise.schema.json';

/** A JSON Schema object (draft 2020-12), loosely typed. */
export type JsonSchema = { [key: string]: unknown };

/**
 * The JSON Schema (draft 2020-12) of mixwise.yaml, generated from the zod schema (zod's
 * `z.toJSONSchema`, input side: keys with defaults are optional), so editors can complete and check
 * configs (e.g. through a `# yaml-language-server: $schema=…` comment). Cross-field checks
 * (check-config.ts) cannot be expressed in it and run only in `loadConfig`.
 * @returns the schema with a title
 * @example configJsonSchema().required // ['version', 'data', 'columns']
 */
export function configJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(configSchema, { io: 'input', target: 'draft-2020-12' }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return { $schema, title: 'mixwise.yaml', ...rest };
}

/**
 * The text of schemas/mixwise.schema.json: configJsonSchema() as 2-space-indented JSON with a trailing newline.
 * @example configJsonSchemaText().startsWith('{\n  "$schema"') // true
 */
export function configJsonSchemaText(): string {
  return JSON.stringify(configJsonSchema(), null, 2) + '\n';
}

let cached: JsonSchema | undefined;

/**
 * The keys allowed in the object at a path of the config, read from the JSON Schema (for "unknown
 * key" hints).
 * @param path keys and indices, e.g. ['columns', 'channels', 0]
 * @returns the property names, or [] when the path is not an object in the schema
 * @example allowedKeys(['search']) // ['iterations', 'seed', 'trials', 'posterior_iterations']
 */
export function allowedKeys(path: readonly PropertyKey[]): string[] {
  cached ??= configJsonSchema();
  let node: JsonSchema | undefined = cached;
  for (const key of path) {
    if (node === undefined) return [];
    node = objectOf(node);
    if (typeof key === 'number') node = node.items as JsonSchema | undefined;
    else node = (node.properties as Record<string, JsonSchema> | undefined)?.[String(key)];
  }
  const properties = node === undefined ? undefined : objectOf(node).properties as Record<string, unknown> | undefined;
  return properties === undefined ? [] : Object.keys(properties);
}

/** The object alternative of a union (a file given as a path or as { path, columns }), else the node itself. */
function objectOf(node: JsonSchema): JsonSchema {
  const alternatives = (node.anyOf ?? node.oneOf) as JsonSchema[] | undefined;
  return alternatives?.find((a) => a.properties !== undefined || a.items !== undefined) ?? node;
}
