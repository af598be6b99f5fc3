package cn.huzhu.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

/**
 * The stored-event compatibility check every event-sourced service runs: events as an earlier release stored them
 * ({@code stored-events/<release>.tsv} on the test classpath: payload type, tab, payload, or for an event stored
 * with a revision payload type, tab, revision, tab, payload; lines starting with # are notes) are read through the service's serializer and upcaster chain, as an aggregate or a processor reads them, and
 * must come back as the class that owns them now with no stored value lost.
 */
public final class StoredEventSamples {

    private final AxonPostgresConfig axon = new AxonPostgresConfig();
    private final ObjectMapper json = axon.axonObjectMapper();
    private final Serializer serializer = axon.eventSerializer(json);
    private final EventUpcaster upcasters;

    /** The check with the service's upcaster chain (its {@link StoredEventNames}, or {@link NoOpEventUpcaster#INSTANCE}). */
    public StoredEventSamples(EventUpcaster upcasters) {
        this.upcasters = upcasters;
    }

    /** One stored event of a release. */
    public record Stored(String release, String payloadType, String revision, String payload) {
        @Override
        public String toString() {
            return release + " " + payloadType.substring(payloadType.lastIndexOf('.') + 1);
        }
    }

    /** The events stored by these releases, in the order their files list them. */
    public static List<Stored> of(Class<?> owner, List<String> releases) {
        List<Stored> events = new ArrayList<>();
        for (String release : releases) {
            try (InputStream in = owner.getResourceAsStream("/stored-events/" + release + ".tsv")) {
                if (in == null) {
                    throw new IllegalStateException("No stored-events/" + release + ".tsv on the test classpath");
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String[] columns = line.split("\t", 3);
                        events.add(
                                columns.length == 3
                                        ? new Stored(release, columns[0], columns[1], columns[2])
                                        : new Stored(release, columns[0], null, columns[1]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return events;
    }

    /** Reads a stored event as the event store does: through the upcaster chain, then the serializer. */
    public DomainEventMessage<?> read(Stored stored) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(entry(stored)), serializer, upcasters)
                .next();
    }

    /** The stored event as the upcaster chain hands it to the serializer: renamed, and in its current shape. */
    public String upcast(Stored stored) {
        List<IntermediateEventRepresentation> upcast = upcasters
                .upcast(Stream.of(new InitialEventRepresentation(entry(stored), serializer)))
                .toList();
        if (upcast.size() != 1) {
            throw new IllegalStateException(stored + " upcast into " + upcast.size() + " events");
        }
        return new String(upcast.get(0).getData(byte[].class).getData(), StandardCharsets.UTF_8);
    }

    private static GenericDomainEventEntry<byte[]> entry(Stored stored) {
        return new GenericDomainEventEntry<>(
                "Aggregate",
                "a-1",
                0,
                "e-1",
                Instant.parse("2026-12-01T00:00:00Z"),
                stored.payloadType(),
                stored.revision(),
                stored.payload().getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The values of the stored event, in its current shape (after the upcaster chain), that the event as read now does
     * not give back when stored again (a renamed or retyped field comes back null or different): each as its path, what
     * was stored and what came back. Empty when none is lost.
     */
    public List<String> lost(Stored stored, Object readNow) {
        try {
            JsonNode before = json.readTree(upcast(stored));
            JsonNode after =
                    json.readTree(serializer.serialize(readNow, byte[].class).getData());
            return lost(before, after, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event types these aggregates are rebuilt from: the parameters of their event-sourcing handlers. */
    public static Set<String> sourcedEventTypes(Class<?>... aggregates) {
        Set<String> types = new TreeSet<>();
        for (Class<?> aggregate : aggregates) {
            for (Method method : aggregate.getDeclaredMethods()) {
                if (method.isAnnotationPresent(EventSourcingHandler.class) && method.getParameterCount() > 0) {
                    types.add(method.getParameterTypes()[0].getName());
                }
            }
        }
        return types;
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
        } else if (before.isNumber()
                ? before.decimalValue().compareTo(after.decimalValue()) != 0
                : !before.equals(after)) {
            lost.add(path + " = " + before + " became " + after);
        }
        return lost;
    }
}
