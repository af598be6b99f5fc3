#!/usr/bin/env bash
# Copies into the image root $1 every shared library the executables named on standard input link against, from the
# build host, at the path the loader looks for it; libraries already under $1 stay as they are. Used by the images that
# start from scratch (java-runtime.sh, the PostgreSQL stand-in's root.sh).
set -euo pipefail
out="$1"
while read -r elf; do
  ldd "$elf" 2>/dev/null | grep -o '/[^ ]*' || true
done | sort -u | while read -r lib; do
  case "$lib" in "$out"*) continue ;; esac
  if [ -e "$lib" ]; then cp -L --parents "$lib" "$out"; fi
done
