import type { Document, LineCounter, Node } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';

/** Where a config key is: the 1-based line of the deepest part of the path found in the file. */
export interface YamlPlace {
  line: number;
  /** Whether the whole path was found (false: the line is that of the nearest enclosing key). */
  exact: boolean;
}

/**
 * Finds the line of a key path in a parsed YAML document, for error messages. Map keys are matched
 * by their text, sequence entries by index. A key that is missing (e.g. a required key left out)
 * gives the line of its nearest enclosing key, or line 1 for the document itself.
 * @param doc the document from `parseDocument(text, { lineCounter })`
 * @param lineCounter the LineCounter given to parseDocument
 * @param path keys and indices, e.g. ['columns', 'controls', 0, 'sign']
 * @example yamlLine(parseDocument('a:\n  b: 1\n', { lineCounter: lc }), lc, ['a', 'b']) // { line: 2, exact: true }
 */
export function yamlLine(doc: Document, lineCounter: LineCounter, path: readonly PropertyKey[]): YamlPlace {
  let node: unknown = doc.contents;
  let line = startLine(node as Node | null, lineCounter) ?? 1;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(key));
      if (pair === undefined) return { line, exact: false };
      line = startLine(pair.key as Node | null, lineCounter) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number' && key < node.items.length) {
      node = node.items[key];
      line = startLine(node as Node | null, lineCounter) ?? line;
    } else {
      return { line, exact: false };
    }
  }
  return { line, exact: true };
}

function startLine(node: Node | null | undefined, lineCounter: LineCounter): number | undefined {
  const start = node?.range?.[0];
  return start === undefined ? undefined : lineCounter.linePos(start).line;
}
