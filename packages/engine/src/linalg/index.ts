export { cholesky } from './cholesky.ts';
export { choleskySolve } from './cholesky-solve.ts';
export { solveLinear } from './solve-linear.ts';
export { inverseSpd } from './inverse-spd.ts';
export { gram } from './gram.ts';
export { transposeTimes } from './transpose-times.ts';
export { matVec } from './mat-vec.ts';
export { leastSquares } from './least-squares.ts';
export type { LeastSquaresResult } from './least-squares.ts';
