package cn.huzhu.axon;

import com.fasterxml.jackson.databind.ObjectReader;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * Axon's Jackson serializer with one reader per type, made the first time that type is read. Axon's own makes a new
 * {@link ObjectReader} for every event and every metadata it reads (finding the type's deserializer again each time):
 * a sixth of the publisher's profile samples in reading payloads (ADR 0043). A reader is immutable and may be shared by every
 * thread; it sees the mapper as it was when the reader was made, so the mapper's modules are registered before the
 * serializer reads anything ({@link StoredJsonReading#register}).
 */
public final class StoredJsonSerializer extends JacksonSerializer {

    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

    StoredJsonSerializer(JacksonSerializer.Builder builder) {
        super(builder);
    }

    @Override
    protected ObjectReader getReader(Class<?> type) {
        return readers.computeIfAbsent(type, super::getReader);
    }
}
