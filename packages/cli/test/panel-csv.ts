/**
 * A pandas export of PyMC-Marketing's multidimensional layout, for tests: 14 weeks × 2 geos, an
 * unnamed index column, spend x1 and x2 (no _spend suffix), two 0/1 events, KPI y.
 * @example multidimensionalCsv().split('\n')[0] // ',date,geo,x1,x2,event_1,event_2,y'
 */
export function multidimensionalCsv(): string {
  const lines = [',date,geo,x1,x2,event_1,event_2,y'];
  for (let w = 0; w < 14; w++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * w)).toISOString().slice(0, 10);
    for (const g of [0, 1]) lines.push([2 * w + g, d, `geo_${'ab'[g]}`, 5000 + 100 * w + g, 6000 + 50 * (w % 4) - g, w === 3 ? 1 : 0, w === 9 ? 1 : 0, 8000 + 300 * (w % 5) + g].join(','));
  }
  return lines.join('\n') + '\n';
}
