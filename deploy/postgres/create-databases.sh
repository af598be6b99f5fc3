#!/bin/sh
# Runs once, on the first start of an empty PostgreSQL volume (docker-entrypoint-initdb.d): one database per
# service, each owned by the platform's user. Each service creates its own tables (Flyway) when it starts.
set -eu
for db in ${HUZHU_DATABASES:-enrollment claims payout reporting}; do
  echo "Creating database $db"
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres -c "CREATE DATABASE \"$db\" OWNER \"$POSTGRES_USER\""
done
