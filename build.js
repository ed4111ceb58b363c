// `npm run build`, after tsc: bundles the compiled CLI (dist/src) into dist/cli, one file
// per command plus what they share. Node loads those in a fraction of the time it takes
// for the few hundred module files they come from, and every command starts sooner.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/cli', { recursive: true, force: true });
await build({
  // The embedded database's thread is a script of its own, beside the chunks that start it.
  entryPoints: { main: 'dist/src/cli/main.js', 'pglite-thread': 'dist/src/db/pglite-thread.js' },
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // PGlite loads its WebAssembly and data files from beside its own modules; resvg its native binary.
  external: ['@electric-sql/pglite', '@resvg/resvg-js'],
  // CommonJS packages in the bundle call require() for Node's own modules.
  banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});

// The local Slack's page (src/local-slack/web): one script and one stylesheet for the
// browser, with the same options the server uses when it bundles them from the sources.
// The compiled module has no declarations: its type is stated here.
/** @type {{ pageBuildOptions: () => import('esbuild').BuildOptions }} */
// eslint-disable-next-line @typescript-eslint/no-unsafe-assignment
const pageAssets = await import('./dist/src/local-slack/page-assets.js');

rmSync('dist/local-slack', { recursive: true, force: true });
await build({ ...pageAssets.pageBuildOptions(), outdir: 'dist/local-slack', logLevel: 'warning' });
