import type { TestProject } from 'vitest/node';
import { migratePostgresDb } from '../../src/db/migrate.js';
import { postgresClient } from '../../src/db/postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresTemplateUrl: string | null;
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** With TEST_DATABASE_URL, migrates one template database that each test file copies. */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    project.provide('postgresTemplateUrl', null);
    return;
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
  };
}
