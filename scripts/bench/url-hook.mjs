// Lets Node run app modules that import assets the Vite way (`x.wasm?url`): such an import resolves
// to a module whose default export is the asset's file URL. Used by the Node benchmarks.
import { register } from 'node:module';

register('data:text/javascript,' + encodeURIComponent(`
export async function resolve(specifier, context, next) {
  if (!specifier.endsWith('?url')) return next(specifier, context);
  const target = await next(specifier.slice(0, -4), context);
  return { url: 'data:text/javascript,export default ' + encodeURIComponent(JSON.stringify(target.url)), shortCircuit: true };
}
`));
