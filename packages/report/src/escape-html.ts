/**
 * Escape text for HTML element content and quoted attribute values: & < > " ' become entities, so a
 * channel or column name like `<script>` is shown literally and can never open a tag or attribute.
 * @param text any user-controlled string
 * @example escapeHtml('<b>"tv" & co</b>') // '&lt;b&gt;&quot;tv&quot; &amp; co&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
