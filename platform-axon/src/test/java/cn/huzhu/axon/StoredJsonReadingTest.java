package cn.huzhu.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

/** Stored metadata and dates read by {@link StoredJsonReading} give what Axon's and Jackson's own readers give. */
class StoredJsonReadingTest {

    private final AxonPostgresConfig config = new AxonPostgresConfig();
    private final ObjectMapper mapper = config.axonObjectMapper();
    private final Serializer serializer = config.eventSerializer(mapper);
    private final Serializer axons = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule()))
            .build();
    private final ObjectMapper jsr310 = new ObjectMapper().registerModule(new JavaTimeModule());

    record Stay(LocalDate admitted, LocalDate discharged) {}

    @Test
    void theEventStoresMapperReadsMetadataAndDatesWithTheseReaders() throws Exception {
        config.serializer(mapper);
        config.messageSerializer(mapper);
        DeserializationContext context = ((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createInstance(mapper.getDeserializationConfig(), null, null);

        assertThat(context.findRootValueDeserializer(mapper.constructType(MetaData.class)))
                .isInstanceOf(StoredJsonReading.MetaDataReader.class);
        assertThat(context.findRootValueDeserializer(mapper.constructType(LocalDate.class)))
                .isInstanceOf(StoredJsonReading.IsoDateReader.class);
    }

    @Test
    void metadataReadsAsAxonReadsIt() {
        String[] stored = {
            "{}",
            "{\"traceId\":\"5b7c0e2e-1f3a-4c55-9d7e-0c2a1d3e4f50\",\"correlationId\":\"5b7c0e2e-1f3a-4c55-9d7e-0c2a1d3e4f50\"}",
            "{\"n\":12,\"big\":12345678901234,\"x\":1.5,\"yes\":true,\"none\":null,\"list\":[1,\"a\"],\"map\":{\"k\":\"v\"}}"
        };
        for (String json : stored) {
            MetaData ours = serializer.deserialize(serialized(json));
            MetaData theirs = axons.deserialize(serialized(json));
            assertThat(ours).as(json).isEqualTo(theirs);
        }
        assertThat(serializer
                        .<byte[], MetaData>deserialize(serialized(stored[1]))
                        .get("traceId"))
                .isEqualTo("5b7c0e2e-1f3a-4c55-9d7e-0c2a1d3e4f50");
    }

    @Test
    void metadataWrittenIsReadBack() {
        MetaData metaData = MetaData.with("traceId", "t-1").and("attempt", 3);
        SerializedObject<byte[]> written = serializer.serialize(metaData, byte[].class);

        assertThat(serializer.<byte[], MetaData>deserialize(written)).isEqualTo(metaData);
    }

    @Test
    void everyDayOfFourYearsReadsAsTheJsr310ModuleReadsIt() throws Exception {
        for (LocalDate day = LocalDate.of(2023, 1, 1); day.isBefore(LocalDate.of(2027, 1, 1)); day = day.plusDays(1)) {
            String json = "{\"admitted\":\"" + day + "\",\"discharged\":null}";
            assertThat(mapper.readValue(json, Stay.class)).isEqualTo(jsr310.readValue(json, Stay.class));
            assertThat(mapper.readValue(json, Stay.class).admitted()).isEqualTo(day);
        }
    }

    @Test
    void datesInOtherFormsAreReadOrRefusedAsBefore() throws Exception {
        for (String value : List.of("[2024,2,29]", "\"2024-02-29T00:00:00\"", "\"\"", "\"+12026-01-01\"")) {
            String json = "{\"admitted\":" + value + "}";
            Object before = outcome(jsr310, json);
            assertThat(outcome(mapper, json)).as(value).isEqualTo(before);
        }
        for (String value :
                List.of("2026-02-30", "2026-13-01", "2026-00-10", "2026-1-011", "20a6-01-01", "2026/01/01")) {
            String json = "{\"admitted\":\"" + value + "\"}";
            assertThatThrownBy(() -> mapper.readValue(json, Stay.class))
                    .as(value)
                    .hasSameClassAs(catchFrom(jsr310, json))
                    .hasMessageContaining(value);
        }
    }

    private static Object outcome(ObjectMapper json, String text) {
        try {
            return json.readValue(text, Stay.class);
        } catch (Exception e) {
            return e.getClass();
        }
    }

    private static Throwable catchFrom(ObjectMapper json, String text) {
        try {
            json.readValue(text, Stay.class);
            throw new AssertionError(text + " was read");
        } catch (Exception e) {
            return e;
        }
    }

    private static SerializedObject<byte[]> serialized(String json) {
        return new SimpleSerializedObject<>(
                json.getBytes(StandardCharsets.UTF_8),
                byte[].class,
                new SimpleSerializedType(MetaData.class.getName(), null));
    }
}
