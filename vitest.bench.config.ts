import { defineConfig } from 'vitest/config';

// `npm run bench:smoke`: a tiny bench run through every stage, kept out of `npm test`.
// With TEST_DATABASE_URL it also runs on that PostgreSQL server.
export default defineConfig({
  test: {
    include: ['test/bench.test.ts'],
    testTimeout: 10 * 60_000,
  },
});
