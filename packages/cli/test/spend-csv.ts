// Test helper: a small valid weekly CSV (date, sales, tv_spend, search_spend, price) as text.
/** `n` weeks from 2024-01-01; row i: sales 1000 + 10i + 7(i mod 4), tv 100 + 5i, search 50 + 10(i mod 3), price 9.99 / 10.49. */
export function spendCsv(n = 30): string[][] {
  const rows = [['date', 'sales', 'tv_spend', 'search_spend', 'price']];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2024, 0, 1 + 7 * i)).toISOString().slice(0, 10);
    rows.push([d, String(1000 + 10 * i + 7 * (i % 4)), String(100 + 5 * i), String(50 + 10 * (i % 3)), i % 2 === 0 ? '9.99' : '10.49']);
  }
  return rows;
}

export function csvText(rows: string[][]): string {
  return rows.map((r) => r.join(',')).join('\n') + '\n';
}
