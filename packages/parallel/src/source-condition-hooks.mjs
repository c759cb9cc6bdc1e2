// Module resolve hook: adds the "mixwise-source" export condition, under which @mixwise/engine resolves
// to its TypeScript sources instead of the built dist/ that outside consumers get (see register.mjs).
export async function resolve(specifier, context, nextResolve) {
  if (context.conditions.includes('mixwise-source')) return nextResolve(specifier, context);
  return nextResolve(specifier, { ...context, conditions: [...context.conditions, 'mixwise-source'] });
}
