// Text from the data (geo names, column names) written into a terminal table: a control character in
// it (a newline inside a quoted CSV cell, a tab, an escape sequence) would break the table's rows or
// drive the terminal, so it is shown escaped instead.

/** Shorthands for the usual control characters; any other is written \xHH (or \u{…} above 0xff). */
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\' };

/**
 * The text with its control characters (C0, DEL, C1 and the line and paragraph separators) escaped
 * the way a string literal would show them; a backslash is doubled only in text that had one to
 * escape, so plain names are unchanged.
 * @example escapeControls('north\nwest') // 'north\\nwest'
 * @example escapeControls('café') // 'café'
 */
export function escapeControls(text: string): string {
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
  if (!control.test(text)) return text;
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/g, (c) => NAMED[c] ?? escapeCode(c.charCodeAt(0)));
}

function escapeCode(code: number): string {
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}
