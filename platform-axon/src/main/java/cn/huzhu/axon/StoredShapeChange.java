package cn.huzhu.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * One change of a stored event's shape that old events cannot be read through as they are (a field renamed, retyped,
 * split or dropped), as an upcaster from one revision to the next (ADR 0035). The event's class declares the revision
 * the change leads to ({@code @Revision("2")}); events stored before any change carry no revision ({@code from} null).
 * A field added is not a change of shape: old events read it as absent. A service declares its changes as beans, in
 * order; they run after its {@link StoredEventNames}, so they name events by their current class.
 */
public final class StoredShapeChange extends SingleEventUpcaster {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String eventType;
    private final String from;
    private final String to;
    private final UnaryOperator<ObjectNode> change;

    private StoredShapeChange(String eventType, String from, String to, UnaryOperator<ObjectNode> change) {
        if (Objects.equals(from, to)) {
            throw new IllegalArgumentException("A shape change leads to another revision than " + from);
        }
        this.eventType = Objects.requireNonNull(eventType, "eventType");
        this.from = from;
        this.to = Objects.requireNonNull(to, "to");
        this.change = Objects.requireNonNull(change, "change");
    }

    /** The change of {@code event}'s stored JSON from revision {@code from} (null: never revised) to {@code to}. */
    public static StoredShapeChange of(Class<?> event, String from, String to, UnaryOperator<ObjectNode> change) {
        return new StoredShapeChange(event.getName(), from, to, change);
    }

    /** The chain an event store reads through: the names first, then the shape changes in their order. */
    public static EventUpcaster chain(StoredEventNames names, List<StoredShapeChange> changes) {
        List<EventUpcaster> all = new ArrayList<>();
        all.add(names);
        all.addAll(changes);
        return new EventUpcasterChain(all);
    }

    public String eventType() {
        return eventType;
    }

    public String from() {
        return from;
    }

    public String to() {
        return to;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return eventType.equals(representation.getType().getName())
                && Objects.equals(from, representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(eventType, to), byte[].class, this::apply);
    }

    private byte[] apply(byte[] stored) {
        try {
            ObjectNode payload = (ObjectNode) JSON.readTree(stored);
            return JSON.writeValueAsBytes(change.apply(payload));
        } catch (IOException e) {
            throw new UncheckedIOException("Stored " + eventType + " is not a JSON object", e);
        }
    }
}
