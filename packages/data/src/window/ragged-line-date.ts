import { parseDate } from '../read/date.ts';

/** The date of a ragged line: read, or why it cannot be told (in words, for the RAGGED_ROW message). */
export type RaggedLineDate = { ok: true; iso: string } | { ok: false; why: string };

/**
 * The date of a line with too few or too many fields, when it can be told whichever field is
 * missing or extra. That field is unknown, so the date's field may have moved: with k fields too
 * few the date is in one of fields j−k … j of the line (j its place in the header), with k too many
 * in one of j … j+k; a missing or extra field before the date moves it, one after it does not. The
 * date is read when those fields that hold a date all hold the same one (so the date column may be
 * anywhere, before or after the bad field); when none does, or two differ, it cannot be told.
 * @param cells the line's fields
 * @param header the header's fields (as parsed)
 * @param dateColumn the date column's name
 * @example raggedLineDate(['5', '2024-10-07'], ['sales', 'tv_spend', 'date'], 'date') // { ok: true, iso: '2024-10-07' }
 * @example raggedLineDate(['later', '1'], ['date', 'sales', 'tv_spend'], 'date').ok // false
 */
export function raggedLineDate(cells: readonly string[], header: readonly string[], dateColumn: string): RaggedLineDate {
  const j = header.indexOf(dateColumn);
  if (j < 0) return { ok: false, why: `the header has no column "${dateColumn}"` };
  const shift = cells.length - header.length;
  const from = Math.max(0, Math.min(j, j + shift));
  const to = Math.min(cells.length - 1, Math.max(j, j + shift));
  const places: number[] = [];
  for (let k = from; k <= to; k++) places.push(k);
  const dates = places.flatMap((k) => {
    const p = parseDate(cells[k]);
    return p.ok ? [{ k, iso: p.iso }] : [];
  });
  const where = `the date column "${dateColumn}" is field ${j + 1} of ${header.length}, so on this line its date is in ${fieldList(places)}`;
  if (dates.length === 0) return { ok: false, why: `${where}, and ${places.length === 1 ? 'it holds no date' : 'none of them holds a date'}` };
  const distinct = [...new Set(dates.map((d) => d.iso))];
  if (distinct.length > 1) {
    return { ok: false, why: `${where}, and these hold different dates (${dates.map((d) => `field ${d.k + 1}: ${cells[d.k]}`).join(', ')})` };
  }
  return { ok: true, iso: distinct[0] };
}

/** 'field 3' or 'one of fields 2–3' (1-based), or 'no field' when the line is too short to reach it. */
function fieldList(places: readonly number[]): string {
  if (places.length === 0) return 'no field (the line is too short)';
  if (places.length === 1) return `field ${places[0] + 1}`;
  return `one of fields ${places[0] + 1}–${places[places.length - 1] + 1}`;
}
