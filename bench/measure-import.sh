#!/usr/bin/env bash
# Times `cobranza import invoices` on a generated ERP data set against what PostgreSQL alone
# needs for the same file: \copy into an unindexed table, then INSERT … ON CONFLICT into an
# indexed copy of the invoices table. Run one measurement at a time on a quiet machine.
#
#   npx tsx bench/generate.ts --scale 1 --dir /tmp/erp
#   bench/measure-import.sh /tmp/erp [postgres://postgres@127.0.0.1:5432]
#
# Creates and drops the scratch database cobranza_measure. With MEASURE_PGLITE=1 it also
# imports into an embedded database under a temporary DATA_DIR.
set -euo pipefail

dir=${1:?usage: bench/measure-import.sh <data dir> [server url]}
server=${2:-postgres://postgres@127.0.0.1:5432}
db=cobranza_measure
url="$server/$db"
root=$(cd "$(dirname "$0")/.." && pwd)
cli() { node "$root/bin/cobranza.js" "$@"; }
timed() { /usr/bin/time -f '  wall %e s, peak RSS %M KB' "$@"; }

psql "$server/postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
trap 'psql "$server/postgres" -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"' EXIT

echo "== PostgreSQL: cobranza import"
DATABASE_URL=$url cli import users "$dir/users.csv"
DATABASE_URL=$url cli import debtors "$dir/debtors.csv"
psql "$url" -qc 'VACUUM ANALYZE' -c 'CHECKPOINT'
echo "first import:"
DATABASE_URL=$url timed node "$root/bin/cobranza.js" import invoices "$dir/invoices.csv"
psql "$url" -qc 'CHECKPOINT'
echo "same file again:"
DATABASE_URL=$url timed node "$root/bin/cobranza.js" import invoices "$dir/invoices.csv"

echo "== PostgreSQL alone: \\copy + INSERT … ON CONFLICT"
psql "$url" -q <<SQL
CREATE UNLOGGED TABLE base_staging (external_id text, debtor_external_id text, number text, issue_date date,
  due_date date, amount numeric, open_amount numeric, currency text);
CREATE TABLE base_invoices (LIKE invoices INCLUDING ALL);
CHECKPOINT;
\\timing on
\\echo copy:
\\copy base_staging FROM '$dir/invoices.csv' WITH (FORMAT csv, HEADER)
\\echo insert:
INSERT INTO base_invoices (external_id, debtor_id, number, issue_date, due_date, amount, open_amount, currency)
SELECT s.external_id, d.id, s.number, s.issue_date, s.due_date, (s.amount * 100)::bigint, (s.open_amount * 100)::bigint,
       coalesce(nullif(s.currency, ''), 'MXN')
FROM base_staging s JOIN debtors d ON d.external_id = s.debtor_external_id
ON CONFLICT (external_id) DO UPDATE SET debtor_id = excluded.debtor_id, number = excluded.number,
  issue_date = excluded.issue_date, due_date = excluded.due_date, amount = excluded.amount,
  open_amount = excluded.open_amount, currency = excluded.currency, updated_at = now();
SQL

if [ "${MEASURE_PGLITE:-}" = 1 ]; then
  data=$(mktemp -d)
  echo "== PGlite (DATA_DIR=$data): cobranza import"
  DATA_DIR=$data cli import users "$dir/users.csv"
  DATA_DIR=$data cli import debtors "$dir/debtors.csv"
  echo "first import:"
  DATA_DIR=$data timed node "$root/bin/cobranza.js" import invoices "$dir/invoices.csv"
  echo "same file again:"
  DATA_DIR=$data timed node "$root/bin/cobranza.js" import invoices "$dir/invoices.csv"
  rm -rf "$data"
fi
