package cn.huzhu.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalInfrastructureTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldKeepPostgresDataAcrossARestartOfThePersistentServer() throws Exception {
        Path pg = dataDir.resolve("pg");
        try (LocalPostgres postgres = LocalPostgres.start(0, pg, List.of("enrollment"));
                Connection c = DriverManager.getConnection(
                        postgres.jdbcUrl("enrollment"), LocalPostgres.USER, LocalPostgres.PASSWORD);
                Statement s = c.createStatement()) {
            s.execute("create table kept(v int)");
            s.execute("insert into kept values (42)");
        }
        try (LocalPostgres postgres = LocalPostgres.start(0, pg, List.of("enrollment"));
                Connection c = DriverManager.getConnection(
                        postgres.jdbcUrl("enrollment"), LocalPostgres.USER, LocalPostgres.PASSWORD);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery("select v from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getInt(1)).isEqualTo(42);
        }
    }

    /** Data kept is durable when a commit is answered, as in production: fsync and synchronous commit both on. */
    @Test
    void shouldCommitKeptDataDurablyAndThrowAwayDataFast() throws Exception {
        try (LocalPostgres kept = LocalPostgres.start(0, dataDir.resolve("kept"), List.of("enrollment"))) {
            assertThat(settings(kept)).containsEntry("fsync", "on").containsEntry("synchronous_commit", "on");
        }
        try (LocalPostgres throwAway = LocalPostgres.start(0, null, List.of("enrollment"))) {
            assertThat(settings(throwAway)).containsEntry("fsync", "off").containsEntry("synchronous_commit", "off");
        }
    }

    private static Map<String, String> settings(LocalPostgres postgres) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        postgres.jdbcUrl("enrollment"), LocalPostgres.USER, LocalPostgres.PASSWORD);
                Statement s = c.createStatement();
                ResultSet rows = s.executeQuery(
                        "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit')")) {
            Map<String, String> settings = new HashMap<>();
            while (rows.next()) {
                settings.put(rows.getString(1), rows.getString(2));
            }
            return settings;
        }
    }

    @Test
    void shouldKeepKafkaRecordsAcrossARestartOfThePersistentBroker() throws Exception {
        Path logs = dataDir.resolve("kafka");
        try (LocalKafka kafka = LocalKafka.start(0, logs)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1)))
                        .all()
                        .get();
            }
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                    Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                    new StringSerializer(),
                    new StringSerializer())) {
                producer.send(new ProducerRecord<>("kept", "k", "written before the restart"))
                        .get();
            }
        }
        try (LocalKafka kafka = LocalKafka.start(0, logs)) {
            Properties props = new Properties();
            props.put("bootstrap.servers", kafka.bootstrapServers());
            props.put("group.id", "restart-check");
            props.put("auto.offset.reset", "earliest");
            try (KafkaConsumer<String, String> consumer =
                    new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("kept"));
                String value = null;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (value == null && System.nanoTime() < deadline) {
                    ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        value = records.iterator().next().value();
                    }
                }
                assertThat(value).isEqualTo("written before the restart");
            }
        }
    }
}
