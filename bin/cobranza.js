#!/usr/bin/env node
// Runs the TypeScript sources directly, so `npx cobranza …` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
