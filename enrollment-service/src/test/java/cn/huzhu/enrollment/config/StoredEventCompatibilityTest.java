package cn.huzhu.enrollment.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.axon.AxonPostgresConfig;
import cn.huzhu.axon.StoredEventNames;
import cn.huzhu.enrollment.command.member.MemberRegisteredEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events stored by earlier releases of the service must stay readable by the current classes, with no value lost.
 * {@code stored-events/<commit>.tsv} holds events as a release stored them (payload type and payload, taken from its
 * integration tests' event store); they are read here through the event store's upcaster chain, as an aggregate or a
 * processor reads them.
 */
class StoredEventCompatibilityTest {

    private static final List<String> RELEASES = List.of("ebf2ea8");
    private static final Path COMMAND_MODEL = Path.of("src/main/java/cn/huzhu/enrollment/command");

    private final AxonPostgresConfig axon = new AxonPostgresConfig();
    private final ObjectMapper json = axon.axonObjectMapper();
    private final Serializer serializer = axon.eventSerializer(json);
    private final StoredEventNames names = new StoredEventNamesConfig().storedEventNames();

    record Stored(String release, String payloadType, String payload) {
        @Override
        public String toString() {
            return release + " " + payloadType.substring(payloadType.lastIndexOf('.') + 1);
        }
    }

    static List<Stored> storedEvents() throws IOException {
        List<Stored> events = new ArrayList<>();
        for (String release : RELEASES) {
            try (InputStream in = StoredEventCompatibilityTest.class.getResourceAsStream("/stored-events/" + release + ".tsv")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String[] columns = line.split("\t", 2);
                        events.add(new Stored(release, columns[0], columns[1]));
                    }
                }
            }
        }
        return events;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedEvents")
    void everyStoredEventReadsIntoTheClassThatOwnsItNowWithEveryValueKept(Stored stored) throws IOException {
        GenericDomainEventEntry<byte[]> entry = new GenericDomainEventEntry<>("Aggregate", "a-1", 0, "e-1", Instant.parse("2026-12-01T00:00:00Z"),
                stored.payloadType(), null, stored.payload().getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));

        DomainEventMessage<?> read = EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry), serializer, names).next();

        assertThat(read.getPayloadType().getName()).isEqualTo(names.current(stored.payloadType()));
        JsonNode before = json.readTree(stored.payload());
        JsonNode after = json.readTree(serializer.serialize(read.getPayload(), byte[].class).getData());
        assertThat(lost(before, after, "")).as("values of the stored event that the current class does not give back").isEmpty();
    }

    @Test
    void everyEventOfTheCommandModelHasEventsStoredByTheReleaseBefore() throws IOException {
        Set<String> sampled = storedEvents().stream().map(s -> names.current(s.payloadType())).collect(Collectors.toSet());
        Set<String> events;
        try (Stream<Path> files = Files.walk(COMMAND_MODEL)) {
            events = files.filter(f -> f.getFileName().toString().endsWith("Event.java"))
                    .map(f -> "cn.huzhu.enrollment.command." + COMMAND_MODEL.relativize(f).toString().replace('/', '.').replace(".java", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(events).hasSize(StoredEventNamesConfig.MOVED_OUT_OF_THE_FLAT_PACKAGE.size());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void theFlatPackageNamesLeadToTheRooms() {
        assertThat(names.current("cn.huzhu.enrollment.command.MemberRegisteredEvent")).isEqualTo(MemberRegisteredEvent.class.getName());
        assertThat(names.current("cn.huzhu.enrollment.command.member.MemberRegisteredEvent")).isEqualTo(MemberRegisteredEvent.class.getName());
    }

    @Test
    void shouldReadAMemberRegisteredBeforeHardshipAndModelWorkerFlagsExistedAsNeither() {
        String storedBeforeTheFlags = """
                {"memberId":"m-1","idNumber":"11010519491231002X","name":"王芳","phone":null,"unitId":"u-1","district":"海曙",
                 "category":"IN_SERVICE","gender":"FEMALE","birthDate":"1949-12-31","serviceCard":true,"realNameVerified":true,
                 "registeredOn":"2026-11-22"}""";

        MemberRegisteredEvent event = serializer.deserialize(new SimpleSerializedObject<>(storedBeforeTheFlags.getBytes(),
                byte[].class, new SimpleSerializedType(MemberRegisteredEvent.class.getName(), null)));

        assertThat(event.hardship()).isFalse();
        assertThat(event.modelWorker()).isFalse();
        assertThat(event.serviceCard()).isTrue();
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode item : array) {
            if (item.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    /** A set's items in any order (capacities, for example), compared without their order. */
    private static List<String> scalars(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.toString()));
        items.sort(null);
        return items;
    }

    /** The paths of values set in {@code before} that {@code after} lacks or holds differently. */
    private static List<String> lost(JsonNode before, JsonNode after, String path) {
        List<String> lost = new ArrayList<>();
        if (before == null || before.isNull()) {
            return lost;
        }
        if (after == null || after.isNull() || before.getNodeType() != after.getNodeType()) {
            lost.add(path + " = " + before + " became " + after);
        } else if (before.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = before.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                lost.addAll(lost(field.getValue(), after.get(field.getKey()), path + "." + field.getKey()));
            }
        } else if (before.isArray()) {
            if (before.size() != after.size()) {
                lost.add(path + " had " + before.size() + " items, now " + after.size());
            } else if (allScalars(before)) {
                if (!scalars(before).equals(scalars(after))) {
                    lost.add(path + " = " + before + " became " + after);
                }
            } else {
                for (int i = 0; i < before.size(); i++) {
                    lost.addAll(lost(before.get(i), after.get(i), path + "[" + i + "]"));
                }
            }
        } else if (before.isNumber() ? before.decimalValue().compareTo(after.decimalValue()) != 0 : !before.equals(after)) {
            lost.add(path + " = " + before + " became " + after);
        }
        return lost;
    }
}
