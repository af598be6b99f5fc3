#!/bin/bash
# Starts PostgreSQL as the postgres image does. On the first start of an empty data directory: a cluster owned by
# POSTGRES_USER with POSTGRES_PASSWORD (scram-sha-256 over TCP, trust on the local socket), the database POSTGRES_DB,
# then each /docker-entrypoint-initdb.d/ script (*.sh run, or sourced when not executable; *.sql through psql) against
# a server that listens on its socket only. Then the server, stopped fast (SIGINT) when the container is stopped.
set -euo pipefail
if [ "${1:-postgres}" != postgres ]; then
  exec "$@"
fi
export PGDATA="${PGDATA:-/var/lib/postgresql/data/pgdata}"
socket=/var/run/postgresql
user="${POSTGRES_USER:-postgres}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  if [ -z "${POSTGRES_PASSWORD:-}" ]; then
    echo "POSTGRES_PASSWORD is not set: the database would be open to anyone who reaches it" >&2
    exit 1
  fi
  initdb --username="$user" --pwfile=<(printf '%s\n' "$POSTGRES_PASSWORD") --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C -D "$PGDATA"
  printf "listen_addresses = '*'\n" >> "$PGDATA/postgresql.conf"
  printf 'host all all all scram-sha-256\n' >> "$PGDATA/pg_hba.conf"
  postgres -D "$PGDATA" -c listen_addresses='' -c unix_socket_directories="$socket" &
  pid=$!
  until pg_isready -q -h "$socket" -U "$user" -d postgres; do
    sleep 0.2
  done
  database="${POSTGRES_DB:-$user}"
  if [ "$database" != postgres ]; then
    psql -v ON_ERROR_STOP=1 -h "$socket" -U "$user" -d postgres -c "CREATE DATABASE \"$database\""
  fi
  export PGHOST="$socket"
  for script in /docker-entrypoint-initdb.d/*; do
    case "$script" in
      *.sh)
        echo "running $script"
        if [ -x "$script" ]; then "$script"; else . "$script"; fi ;;
      *.sql)
        echo "running $script"
        psql -v ON_ERROR_STOP=1 -U "$user" -d "$database" -f "$script" ;;
      *) [ -e "$script" ] && echo "ignoring $script" ;;
    esac
  done
  unset PGHOST
  kill -INT "$pid"
  wait "$pid"
  echo "PostgreSQL init process complete; ready for start up."
fi

postgres -D "$PGDATA" -c unix_socket_directories="$socket" &
pid=$!
trap 'kill -INT "$pid"' TERM INT
wait "$pid" || true
trap - TERM INT
wait "$pid"
