#!/bin/bash
# As the Kafka distribution's kafka-broker-api-versions.sh: runs org.apache.kafka.tools.BrokerApiVersionsCommand with the broker's classes.
exec java -Xmx256m -XX:TieredStopAtLevel=1 -Djava.io.tmpdir=/tmp -cp "$(< /app/jib-classpath-file)" org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
