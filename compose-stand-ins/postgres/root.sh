#!/usr/bin/env bash
# The files of the PostgreSQL stand-in image, assembled into $2: the server from zonky's binaries ($1, the jar the tests
# use), psql and pg_isready from the build host's PostgreSQL client (Debian: postgresql-client), bash (as /bin/sh too, for
# pg_ctl and the init scripts) and sleep, every shared library they link from the host, and the postgres account (999).
set -euo pipefail
jar="$1"
out="$2"
client=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$client" ] || [ ! -x "$client/psql" ] || [ ! -x "$client/pg_isready" ]; then
  echo "The PostgreSQL stand-in image takes psql and pg_isready from the build host: install Debian's postgresql-client" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out/usr/lib/postgresql" "$out/bin" "$out/etc" "$out/tmp" "$out/var/lib/postgresql/data" "$out/var/run/postgresql" \
  "$out/docker-entrypoint-initdb.d"
unzip -p "$jar" postgres-linux-x86_64.txz | tar -xJ -C "$out/usr/lib/postgresql"
cp -L "$client/psql" "$client/pg_isready" "$out/usr/lib/postgresql/bin/"
cp -L "$(command -v bash)" "$out/bin/bash"
cp -L "$(command -v bash)" "$out/bin/sh"
cp -L "$(command -v sleep)" "$out/bin/sleep"
printf '%s\n' "$out"/usr/lib/postgresql/bin/* "$out/bin/bash" "$out/bin/sleep" \
  | bash "$(dirname "$0")/../../deploy/images/shared-libraries.sh" "$out"
printf 'root:x:0:0:root:/root:/sbin/nologin\npostgres:x:999:999:PostgreSQL:/var/lib/postgresql:/bin/bash\n' > "$out/etc/passwd"
printf 'root:x:0:\npostgres:x:999:\n' > "$out/etc/group"
printf 'hosts: files dns\npasswd: files\ngroup: files\n' > "$out/etc/nsswitch.conf"
echo "PostgreSQL stand-in files: $(du -sh "$out" | cut -f1) in $out"
