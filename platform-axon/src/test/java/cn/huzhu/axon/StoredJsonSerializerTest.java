package cn.huzhu.axon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** The event store's serializer keeps one reader per type and reads what Axon's own serializer reads. */
class StoredJsonSerializerTest {

    private final AxonPostgresConfig config = new AxonPostgresConfig();
    private final Serializer serializer = config.eventSerializer(config.axonObjectMapper());
    private final Serializer axons = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
            .build();

    record Stay(String memberId, LocalDate admitted, List<String> codes, long fen) {}

    @Test
    void theEventStoresSerializerKeepsOneReaderPerType() {
        StoredJsonSerializer ours = (StoredJsonSerializer) serializer;

        assertThat(ours.getReader(Stay.class)).isSameAs(ours.getReader(Stay.class));
        assertThat(ours.getReader(MetaData.class)).isSameAs(ours.getReader(MetaData.class));
        assertThat(ours.getReader(Stay.class)).isNotSameAs(ours.getReader(MetaData.class));
    }

    @Test
    void payloadsAndMetadataReadAsAxonReadsThem() {
        for (int i = 0; i < 3; i++) {
            Stay stay = new Stay("m-" + i, LocalDate.of(2026, 12, 1 + i), List.of("J18", "K" + i), 12_345L * i);
            MetaData metaData = MetaData.with("correlationId", "c-" + i).and("attempt", i);
            SerializedObject<byte[]> payload = axons.serialize(stay, byte[].class);
            SerializedObject<byte[]> meta = axons.serialize(metaData, byte[].class);

            assertThat(serializer.<byte[], Stay>deserialize(payload)).isEqualTo(stay);
            assertThat(serializer.<byte[], MetaData>deserialize(meta)).isEqualTo(metaData);
        }
    }
}
