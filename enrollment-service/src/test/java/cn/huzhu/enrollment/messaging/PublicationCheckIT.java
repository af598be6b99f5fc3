package cn.huzhu.enrollment.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.huzhu.axon.PublicationCheck;
import cn.huzhu.axon.StoredEventNames;
import cn.huzhu.contracts.Topics;
import cn.huzhu.contracts.enrollment.UnitRegistered;
import cn.huzhu.contracts.kafka.ContractDeserializer;
import cn.huzhu.enrollment.IntegrationTestSupport;
import cn.huzhu.enrollment.command.UnitNature;
import cn.huzhu.enrollment.command.unit.RegisterUnitCommand;
import cn.huzhu.localstack.LocalStack;
import cn.huzhu.vocabulary.UnitId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The publication check: an event the publisher passed without publishing (its gap given up while its transaction was
 * still open) is found by comparing the event store with the publication log, and published then, once.
 */
@SpringBootTest
class PublicationCheckIT extends IntegrationTestSupport {

    @Autowired
    private StoredEventNames storedEventNames;

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Serializer serializer;

    @Autowired
    EventStorageEngine storage;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TransactionManager transactions;

    @Test
    void anEventThePublisherPassedWithoutPublishingIsFoundAndPublishedOnce() {
        StoredUnit unit = registerUnit("漏发测试单位", "海曙");
        String unitId = unit.unitId();
        String eventId = unit.eventId();
        long index = unit.index();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.queryForObject(
                                "select count(*) from publication_log where event_id = ?", Integer.class, eventId)
                        == 1);
        assertThat(published(unitId, 1)).hasSize(1);

        // as if the publisher's token had given the event's index up as a gap: passed, never published
        jdbc.update("delete from publication_log where event_id = ?", eventId);
        jdbc.update(
                "insert into publication_check (processor, checked_up_to) values ('kafka-publisher', ?) "
                        + "on conflict (processor) do update set checked_up_to = excluded.checked_up_to",
                index - 1);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        PublicationCheck check = new PublicationCheck(
                jdbc,
                serializer,
                storage,
                processing,
                transactions,
                Duration.ZERO,
                Clock.systemUTC(),
                meters,
                storedEventNames);

        int first = check.check();
        int second = check.check();

        assertThat(first).as("found and published").isGreaterThanOrEqualTo(1);
        assertThat(second).as("published once").isZero();
        assertThat(meters.counter("huzhu.publication.republished").count()).isEqualTo(first);
        List<SpecificRecord> records = published(unitId, 2);
        assertThat(records)
                .hasSize(2)
                .allSatisfy(r ->
                        assertThat(((UnitRegistered) r).getEventId().toString()).isEqualTo(eventId));
        assertThat(jdbc.queryForObject(
                        "select checked_up_to from publication_check where processor = 'kafka-publisher'", Long.class))
                .isGreaterThanOrEqualTo(index);
    }

    /**
     * Only the publisher writes the log: a row written by any other processor (the member views, handled in the command's
     * own transaction) would tell the check that an event was published before the publisher saw it, and an event the
     * publisher then passed as a gap would never be published.
     */
    @Test
    void onlyThePublisherWritesThePublicationLog() {
        StoredUnit unit = registerUnit("日志测试单位", "江北");

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(published(unit.unitId(), 1)).hasSize(1));

        assertThat(jdbc.queryForList(
                        "select global_index from publication_log where event_id = ?", Long.class, unit.eventId()))
                .as("the event's row, written with the publisher's token at the event's index")
                .containsExactly(unit.index());
        assertThat(jdbc.queryForObject(
                        "select count(*) from publication_log where global_index is null", Integer.class))
                .as("rows of no tracked event (written by a subscribing processor)")
                .isZero();
    }

    /** A unit's registration as the event store holds it: the unit, its event's id and global index. */
    private record StoredUnit(String unitId, String eventId, long index) {}

    private StoredUnit registerUnit(String name, String district) {
        String unitId = UUID.randomUUID().toString();
        commands.sendAndWait(new RegisterUnitCommand(new UnitId(unitId), name, district, UnitNature.PUBLIC, 10));
        String eventId = jdbc.queryForObject(
                "select eventidentifier from domainevententry where aggregateidentifier = ?", String.class, unitId);
        long index = jdbc.queryForObject(
                "select globalindex from domainevententry where eventidentifier = ?", Long.class, eventId);
        return new StoredUnit(unitId, eventId, index);
    }

    /** The unit's records on the units' topic, read until {@code expected} came (or 20 s passed). */
    private static List<SpecificRecord> published(String unitId, int expected) {
        Properties props = new Properties();
        props.put("bootstrap.servers", LocalStack.shared().bootstrapServers());
        props.put("group.id", "publication-check-it-" + UUID.randomUUID());
        props.put("auto.offset.reset", "earliest");
        List<SpecificRecord> found = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ContractDeserializer())) {
            consumer.subscribe(List.of(Topics.UNITS));
            long deadline = System.currentTimeMillis() + 20_000;
            while (found.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() instanceof UnitRegistered u
                            && u.getUnitId().toString().equals(unitId)) {
                        found.add(u);
                    }
                });
            }
            // a little longer, to see that no third copy comes
            long settle = System.currentTimeMillis() + 1_000;
            while (System.currentTimeMillis() < settle) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.value() instanceof UnitRegistered u
                            && u.getUnitId().toString().equals(unitId)) {
                        found.add(u);
                    }
                });
            }
        }
        return found;
    }
}
