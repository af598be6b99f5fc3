#!/usr/bin/env bash
# The district offices' Kafka users (SASL/SCRAM-SHA-512) and what each may do: write enrolment batches and hospital
# settlements, read its own answers (the answer topics named after the user, consumer groups too). Idempotent: run again
# after changing HUZHU_OFFICE_USERS ("office-haishu=<password> office-yinzhou=<password> ..."). The user name is the office
# id its identity names (azp); which district an office's records may be for is decided by the signed identity and
# proof each record carries (ADR 0018, 0020), not by the Kafka user.
set -euo pipefail
bootstrap=${KAFKA_BOOTSTRAP:-kafka:9092}
bin=/opt/kafka/bin
for entry in ${HUZHU_OFFICE_USERS:-}; do
  user=${entry%%=*}
  password=${entry#*=}
  if [[ -z "$user" || -z "$password" || "$user" == "$entry" ]]; then
    echo "HUZHU_OFFICE_USERS: expected user=password, got an entry without one" >&2
    exit 1
  fi
  "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$password]"
  for topic in huzhu.regional.enrollment-batches.v1 huzhu.regional.hospital-settlements.v1; do
    "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --add --allow-principal "User:$user" --operation Write \
      --operation Describe --topic "$topic"
  done
  for topic in "huzhu.regional.enrollment-results.v1.$user" "huzhu.regional.hospital-settlement-results.v1.$user"; do
    "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --add --allow-principal "User:$user" --operation Read \
      --operation Describe --topic "$topic"
  done
  "$bin/kafka-acls.sh" --bootstrap-server "$bootstrap" --add --allow-principal "User:$user" --operation Read \
    --group "$user" --resource-pattern-type prefixed
  echo "office user $user: may write the inbound topics and read its own answers"
done
