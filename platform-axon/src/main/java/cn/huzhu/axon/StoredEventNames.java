package cn.huzhu.axon;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * The names events were stored under before their classes moved (a package split into rooms, a class renamed), each
 * mapped to the class that reads them now. The event store keeps an event's class name as its payload type, so a move
 * without this would leave every stored event of that class unreadable. Read as an upcaster in the event store's chain
 * (aggregates and event processors see the current name) and by {@link PublicationCheck}.
 * <p>
 * The policy for stored events: a name once written is never reused for another shape; a class that moves gets an entry
 * here; a change of shape that old values cannot be read into gets a {@code @Revision} and an upcaster of its own; each
 * service's stored-event compatibility test reads events written by the releases before.
 */
public final class StoredEventNames extends SingleEventUpcaster {

    private final Map<String, String> currentByStored;

    /** @param currentByStored by the name an event was stored under, the name of the class that reads it now */
    public StoredEventNames(Map<String, String> currentByStored) {
        currentByStored.forEach((stored, current) -> {
            if (stored.equals(current)) {
                throw new IllegalArgumentException("A stored name mapped to itself: " + stored);
            }
        });
        this.currentByStored = Map.copyOf(currentByStored);
    }

    /** @param classByStoredName by the name an event was stored under, the class that reads it now */
    public static StoredEventNames of(Map<String, Class<?>> classByStoredName) {
        Map<String, String> currentByStored = new HashMap<>();
        classByStoredName.forEach((stored, current) -> currentByStored.put(stored, current.getName()));
        return new StoredEventNames(currentByStored);
    }

    public static StoredEventNames none() {
        return new StoredEventNames(Map.of());
    }

    /** The name of the class that reads an event stored under {@code storedName}. */
    public String current(String storedName) {
        return currentByStored.getOrDefault(storedName, storedName);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return currentByStored.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        SimpleSerializedType renamed = new SimpleSerializedType(
                current(representation.getType().getName()),
                representation.getType().getRevision());
        return representation.upcastPayload(renamed, byte[].class, Function.identity());
    }
}
