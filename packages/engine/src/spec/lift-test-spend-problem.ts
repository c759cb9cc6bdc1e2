/**
 * A lift test measures what the channel's spend in its window added; when the channel spent nothing
 * there, the model's lift for it is 0 by construction and the test cannot be compared with the model
 * (it would show as a large, unexplained disagreement). The CLI, the config and the server refuse such
 * a test with this message (the data layer, naming the file's row), and so does buildSearchProblem for
 * callers of the engine itself.
 * @param test the channel and ISO dates (inclusive)
 * @param dates the data's dates [nTimes], ascending ISO
 * @param spend the channel's spend [nTimes]
 * @returns the message and hint, or undefined when the channel spent something on a row inside the window (or no row lies inside it: the date rules report that)
 * @example liftTestSpendProblem({ channel: 'tv', start: '2019-06-03', end: '2019-06-17' }, dates, zeros)?.message // 'tv spent nothing in 2019-06-03 … 2019-06-17'
 */
export function liftTestSpendProblem(test: { channel: string; start: string; end: string }, dates: readonly string[], spend: ArrayLike<number>): { message: string; hint: string } | undefined {
  let rows = 0;
  for (let t = 0; t < dates.length; t++) {
    if (dates[t] < test.start || dates[t] > test.end) continue;
    rows++;
    if (spend[t] > 0) return undefined;
  }
  if (rows === 0) return undefined;
  return {
    message: `${test.channel} spent nothing in ${test.start} … ${test.end}`,
    hint: 'a lift test measures the effect of the spend in its window; check the dates or the channel',
  };
}
