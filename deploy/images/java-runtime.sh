#!/usr/bin/env bash
# The runtime layer of the platform's images, built once per build into $1 (images start FROM scratch, so no base
# image is pulled and images build offline): a Java runtime made by jlink from the build's JDK, the C library and
# the other shared libraries it (and bash, for health checks) links against, taken from the build host, and the
# accounts the containers run as (huzhu, uid 10001). Rebuilt when the JDK changes.
set -euo pipefail
out="$1"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
stamp="$out.built-from"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$java_home $(cat "$java_home/release" | md5sum)" ]; then
  exit 0
fi
rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/home/huzhu"
# what Spring Boot, Axon, Kafka's SASL clients, the PostgreSQL driver, JMX/JFR and the bank simulator's HTTP server
# use, Chinese locale data included
"$java_home/bin/jlink" --output "$out/opt/java" --strip-debug --no-man-pages --no-header-files --compress=2 --generate-cds-archive \
  --add-modules java.base,java.compiler,java.desktop,java.instrument,java.logging,java.management,java.management.rmi,java.naming,java.net.http,java.prefs,java.rmi,java.scripting,java.security.jgss,java.security.sasl,java.sql,java.transaction.xa,java.xml,jdk.charsets,jdk.crypto.cryptoki,jdk.crypto.ec,jdk.httpserver,jdk.jfr,jdk.localedata,jdk.management,jdk.management.agent,jdk.naming.dns,jdk.net,jdk.security.auth,jdk.unsupported,jdk.zipfs
# the class-data archive for compressed pointers is kept (heaps below 32 GB); the other would only add size
rm -f "$out/opt/java/lib/server/classes_nocoops.jsa"
# a Debian JDK links its CA certificates to /etc; the image keeps a copy of the file
if [ -L "$java_home/lib/security/cacerts" ] || [ ! -s "$out/opt/java/lib/security/cacerts" ]; then
  rm -f "$out/opt/java/lib/security/cacerts"
  cp -L "$java_home/lib/security/cacerts" "$out/opt/java/lib/security/cacerts"
fi
mkdir -p "$out/bin"
cp -L "$(command -v bash)" "$out/bin/bash"
# every shared library the runtime and bash need, at the path the loader looks for it (the services run headless:
# the desktop's native libraries stay without their X11, sound and image dependencies)
{ find "$out/opt/java" -type f \( -name '*.so' -o -perm -u+x \) | grep -Ev 'awt_xawt|splashscreen|jsound|fontmanager|lcms|javajpeg|mlib_image|jawt'
  echo "$out/bin/bash"; } | bash "$(dirname "$0")/shared-libraries.sh" "$out"
printf 'root:x:0:0:root:/root:/sbin/nologin\nhuzhu:x:10001:10001:huzhu:/home/huzhu:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\nhuzhu:x:10001:\n' > "$out/etc/group"
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
echo "$java_home $(cat "$java_home/release" | md5sum)" > "$stamp"
echo "Java runtime for the images: $(du -sh "$out" | cut -f1) in $out"
