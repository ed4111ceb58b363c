// The local Slack's page: its HTML shell, script and styles. The build leaves the bundle in
// dist/local-slack/; running from the sources, esbuild (a devDependency) bundles it in memory.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { packageDir } from '../package-dir.js';

export interface PageAssets {
  /** The page at `/`: loads `/local/app.css` and `/local/app.js`. */
  html(locale: 'es' | 'en'): string;
  js: string;
  css: string;
}

/** Where the page's shell loads its script and styles from. */
export const PAGE_SCRIPT_PATH = '/local/app.js';
export const PAGE_STYLE_PATH = '/local/app.css';

const TITLES = { es: 'Cobranza · Slack local', en: 'Cobranza · Local Slack' } as const;
const LOADING = { es: 'Cargando…', en: 'Loading…' } as const;

export function pageHtml(locale: 'es' | 'en'): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLES[locale]}</title>
<link rel="stylesheet" href="${PAGE_STYLE_PATH}">
</head>
<body>
<div id="app"><div class="loading">${LOADING[locale]}</div></div>
<script type="module" src="${PAGE_SCRIPT_PATH}"></script>
</body>
</html>
`;
}

let cached: Promise<PageAssets> | undefined;

export function pageAssets(): Promise<PageAssets> {
  cached ??= load().catch((err: unknown) => {
    cached = undefined;
    throw err;
  });
  return cached;
}

async function load(): Promise<PageAssets> {
  const built = join(packageDir, 'dist', 'local-slack');
  const jsFile = join(built, 'app.js');
  const cssFile = join(built, 'app.css');
  if (existsSync(jsFile) && existsSync(cssFile)) {
    const [js, css] = await Promise.all([readFile(jsFile, 'utf8'), readFile(cssFile, 'utf8')]);
    return { html: pageHtml, js, css };
  }
  const { js, css } = await bundlePage();
  return { html: pageHtml, js, css };
}

/** The options build.js uses too, so the built bundle and the in-memory one are the same. */
export function pageBuildOptions(dir: string = packageDir) {
  return {
    // One name for both: the build writes app.js and app.css.
    entryPoints: [
      { in: join(dir, 'src', 'local-slack', 'web', 'main.tsx'), out: 'app' },
      { in: join(dir, 'src', 'local-slack', 'web', 'styles.css'), out: 'app' },
    ],
    bundle: true,
    format: 'esm' as const,
    platform: 'browser' as const,
    target: ['es2022'],
    jsx: 'automatic' as const,
    jsxImportSource: 'preact',
    minify: true,
    legalComments: 'none' as const,
    logLevel: 'silent' as const,
    tsconfig: join(dir, 'src', 'local-slack', 'web', 'tsconfig.json'),
  };
}

async function bundlePage(): Promise<{ js: string; css: string }> {
  const esbuild = await import('esbuild').catch(() => {
    throw new Error('the local Slack page is not built (dist/local-slack/app.js) and esbuild is not installed: run `npm run build`');
  });
  const result = await esbuild.build({ ...pageBuildOptions(), write: false, outdir: join(packageDir, 'dist', 'local-slack') });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'))?.text;
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'))?.text;
  if (js === undefined || css === undefined) throw new Error('bundling the local Slack page gave no script or no styles');
  return { js, css };
}
