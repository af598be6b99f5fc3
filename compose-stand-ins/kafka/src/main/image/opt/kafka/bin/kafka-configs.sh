#!/bin/bash
# As the Kafka distribution's kafka-configs.sh: runs kafka.admin.ConfigCommand with the broker's classes.
exec java -Xmx256m -XX:TieredStopAtLevel=1 -Djava.io.tmpdir=/tmp -cp "$(< /app/jib-classpath-file)" kafka.admin.ConfigCommand "$@"
