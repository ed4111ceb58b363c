// Whether dist/ holds a build of the current sources: bin/cobranza.js runs it only then, and
// the bench builds it first otherwise, so the CLI it measures is the one `npm install` makes.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { URL } from 'node:url';

const root = new URL('../', import.meta.url);
export const builtCli = new URL('dist/cli/main.js', root);

/** @param {URL} dir */
function newestSource(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(`${entry.parentPath}/${entry.name}`).mtimeMs);
  }
  return newest;
}

/** True when dist/cli/main.js is newer than every TypeScript file under src/. */
export function buildIsFresh() {
  return existsSync(builtCli) && statSync(builtCli).mtimeMs >= newestSource(new URL('src', root));
}
