#!/usr/bin/env node
// Runs the compiled build (dist/, made by `npm run build`, which `npm install` runs) when
// it is newer than every source file: it starts in a third of the time and half the
// memory. Otherwise the TypeScript sources run through tsx, so an edit needs no build.
// `bench` runs from the sources wherever bench/ is: the bench is a tool of the repository,
// not part of the build (the built command says so where bench/ is absent, as in the image).
import { existsSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';
import { buildIsFresh, builtCli } from './build-freshness.js';

const root = new URL('../', import.meta.url);
const fresh = buildIsFresh();
const bench = process.argv[2] === 'bench' && existsSync(new URL('bench', root));
if (fresh && !bench) {
  await import(builtCli.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
