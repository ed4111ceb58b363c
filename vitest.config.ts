import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The bench's smoke run has its own script (`npm run bench:smoke`, vitest.bench.config.ts).
    exclude: [...configDefaults.exclude, 'test/bench.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    // The first test of a file also waits for its database (PGlite boots in WASM).
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Two cores: PGlite work is CPU-bound, more workers only contend.
    maxWorkers: 2,
    // The files of a worker share its modules and its one database, emptied before each
    // test (test/support/database.ts): loading a database per file took half the suite's time.
    isolate: false,
  },
});
