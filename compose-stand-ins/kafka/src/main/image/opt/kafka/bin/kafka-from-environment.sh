#!/bin/bash
# The broker, configured from the environment as the apache/kafka image is (see KafkaFromEnvironment).
exec java $KAFKA_HEAP_OPTS $KAFKA_OPTS -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp \
  -cp "$(< /app/jib-classpath-file)" cn.huzhu.standin.kafka.KafkaFromEnvironment "$@"
