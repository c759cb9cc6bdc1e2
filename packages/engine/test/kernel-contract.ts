/**
 * Contract checks shared by the kernel registry tests (transforms/adstock and transforms/saturation):
 * what every parameterised kernel must satisfy whatever its family. Each registry test adds the
 * checks that are specific to its family (weights, values, inverses …).
 */
import assert from 'node:assert/strict';
import { fromUnit } from '../src/transforms/param-spec.ts';
import type { ParamSpec } from '../src/transforms/param-spec.ts';

/** The part of an adstock or saturation kernel these checks use. */
export interface ParamKernel<S extends { readonly type: string }> {
  readonly type: S['type'];
  readonly params: readonly ParamSpec[];
  fromVector(values: ArrayLike<number>, offset?: number): S;
  toVector(spec: S): number[];
  validate(spec: S): void;
}

/**
 * A spec with every parameter drawn uniformly (in its search scale) from its search bounds.
 * @example drawSpec(geometricAdstock, createRng(1)).type // 'geometric'
 */
export function drawSpec<S extends { readonly type: string }>(kernel: ParamKernel<S>, rng: { next(): number }): S {
  return kernel.fromVector(kernel.params.map((p) => fromUnit(p, rng.next())));
}

/**
 * Assert the search bounds are sane: at least one parameter, unique names, finite lower < upper,
 * lower > 0 on a log scale, a doc line, and both bounds of each parameter (the others at the
 * middle of their range) inside the kernel's domain (`validate` does not throw).
 * @example assertParamBounds(hillSaturation) // passes
 */
export function assertParamBounds<S extends { readonly type: string }>(kernel: ParamKernel<S>): void {
  assert.ok(kernel.params.length > 0);
  assert.equal(new Set(kernel.params.map((p) => p.name)).size, kernel.params.length);
  for (const p of kernel.params) {
    assert.ok(Number.isFinite(p.lower) && Number.isFinite(p.upper) && p.lower < p.upper, p.name);
    if (p.scale === 'log') assert.ok(p.lower > 0, `${p.name}: log scale needs lower > 0`);
    assert.ok(p.doc.length > 0);
    for (const u of [0, 1]) kernel.validate(kernel.fromVector(kernel.params.map((q) => (q === p ? fromUnit(q, u) : fromUnit(q, 0.5)))));
  }
}

/**
 * Assert `spec` survives toVector → fromVector (also read at an offset, after the values in
 * `prefix`) and JSON.stringify → JSON.parse, and that its type is the kernel's.
 * @returns the spec parsed back from JSON, for the caller's family-specific "behaves the same" check
 * @example assertRoundTrips(geometricAdstock, { type: 'geometric', alpha: 0.5 }, [7]) // { type: 'geometric', alpha: 0.5 }
 */
export function assertRoundTrips<S extends { readonly type: string }>(kernel: ParamKernel<S>, spec: S, prefix: readonly number[]): S {
  assert.equal(spec.type, kernel.type);
  const v = kernel.toVector(spec);
  assert.equal(v.length, kernel.params.length);
  assert.deepEqual(kernel.fromVector(v), spec);
  assert.deepEqual(kernel.fromVector([...prefix, ...v], prefix.length), spec);
  const back = JSON.parse(JSON.stringify(spec)) as S;
  assert.deepEqual(back, spec);
  return back;
}
