/**
 * Names as an English list, for sentences the CLI, report and dashboard share.
 * @param names at least one name
 * @example listText(['tv', 'search', 'social']) // 'tv, search and social'
 */
export function listText(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
