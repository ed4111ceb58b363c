import { PassThrough } from 'node:stream';
import { defaultPolicy } from '../../src/domain/policy.js';
import { importStream } from '../../src/services/import/index.js';
import { describe, expect, test } from 'vitest';
import { workerDatabase } from '../support/database.js';
import { DEMO_NOW, loadExampleCompany } from '../support/demo-data.js';
import { withHarness } from '../support/slack-app.js';

const HEADER = 'external_id,debtor_external_id,number,issue_date,due_date,amount,open_amount,currency\n';

function invoiceLines(from: number, count: number): string {
  let text = '';
  for (let i = from; i < from + count; i++) text += `F-9${i},D-1001,A-9${i},2026-11-01,2026-12-01,1000.00,1000.00,MXN\n`;
  return text;
}

describe('/deudor on the embedded database while an import runs', () => {
  test('is answered while the import holds its transaction open, and the import then stores its file', { timeout: 120_000 }, async () => {
    const { database } = await workerDatabase();
    try {
      await loadExampleCompany(database);
      await withHarness(database, { now: DEMO_NOW }, async (harness) => {
        // The ERP's file arrives slowly: the import reads two parts, then waits for the rest.
        const file = new PassThrough();
        let read = 0;
        let settled = false;
        const imported = importStream(database, defaultPolicy, 'invoices', file, 'invoices.csv', {
          onProgress: (progress) => (read = progress.rows),
        }).finally(() => (settled = true));
        file.write(HEADER + invoiceLines(0, 3000));
        file.write(invoiceLines(3000, 3000));
        // Read inside the import's transaction, which then waits for the rest of the file.
        await expect.poll(() => read, { timeout: 60_000 }).toBeGreaterThan(0);

        const res = await harness.command('U0COB0002', 'construcciones perez');
        expect(res.status).toBe(200);
        const answer = await harness.waitFor(() => harness.slack.responses[0]);
        expect(JSON.stringify(answer.args)).toContain('Construcciones Pérez, S.A. de C.V.');
        expect(settled).toBe(false);

        file.end(invoiceLines(6000, 500));
        const summary = await imported;
        expect(summary).toMatchObject({ rows: 6500, inserted: 6500 });
      });
    } finally {
      await database.close();
    }
  });
});
