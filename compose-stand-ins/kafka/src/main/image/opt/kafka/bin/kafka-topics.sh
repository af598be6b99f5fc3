#!/bin/bash
# As the Kafka distribution's kafka-topics.sh: runs org.apache.kafka.tools.TopicCommand with the broker's classes.
exec java -Xmx256m -XX:TieredStopAtLevel=1 -Djava.io.tmpdir=/tmp -cp "$(< /app/jib-classpath-file)" org.apache.kafka.tools.TopicCommand "$@"
