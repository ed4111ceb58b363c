import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migratePostgresDb } from '../../src/db/migrate.js';
import { createPGlite, migratePGlite } from '../../src/db/pglite-engine.js';
import { postgresClient } from '../../src/db/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresTemplateUrl: string | null;
    /** A migrated PGlite data directory, dumped (tar.gz): each test worker loads it, and the embedded engine's own tests on PostgreSQL too. */
    pgliteDumpPath: string;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Migrates once what every test file starts from: a PGlite data directory dumped to a file,
 * or with TEST_DATABASE_URL a template database that each test worker copies. Loading the dump
 * spares each file booting a second PGlite and running the migrations.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  const removeDump = await provideMigratedPGlite(project);
  if (!url) {
    project.provide('postgresTemplateUrl', null);
    return removeDump;
  }
  const admin = postgresClient(url, 1);
  const template = `cobranza_tpl_${process.pid}`;
  await admin.unsafe(`DROP DATABASE IF EXISTS ${template}`);
  await admin.unsafe(`CREATE DATABASE ${template}`);
  const templateUrl = withDatabase(url, template);
  const sql = postgresClient(templateUrl, 2);
  await migratePostgresDb(sql);
  await sql.end();
  project.provide('postgresTemplateUrl', templateUrl);
  return async () => {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await admin.end();
    await removeDump();
  };
}

async function provideMigratedPGlite(project: TestProject) {
  const dir = await mkdtemp(join(tmpdir(), 'cobranza-test-pglite-'));
  const pg = await createPGlite(undefined);
  try {
    await migratePGlite(pg);
    const dumpPath = join(dir, 'migrated.tar.gz');
    await writeFile(dumpPath, Buffer.from(await (await pg.dumpDataDir('gzip')).arrayBuffer()));
    project.provide('pgliteDumpPath', dumpPath);
  } finally {
    await pg.close();
  }
  return () => rm(dir, { recursive: true, force: true });
}
