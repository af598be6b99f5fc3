package cn.huzhu.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class SchemaCompatibilityTest {

    static final List<Class<? extends SpecificRecord>> RECORDS = ContractRecords.ALL;
    static final Map<String, List<Schema>> PUBLISHED = PublishedSchemas.load();

    @ParameterizedTest
    @FieldSource("RECORDS")
    void shouldHaveTheCurrentSchemaPublishedAsLatestVersion(Class<? extends SpecificRecord> type) {
        List<Schema> versions = PUBLISHED.get(type.getSimpleName());
        assertThat(versions)
                .as(
                        "published versions of %s (add published/%s/vN.avsc and list it in index.txt)",
                        type.getSimpleName(), type.getSimpleName())
                .isNotEmpty();
        Schema current = SpecificData.get().getSchema(type);
        assertThat(EventCodec.fingerprint(versions.get(versions.size() - 1)))
                .as(
                        "the current %s schema differs from its latest published version: publish it as a new version",
                        type.getSimpleName())
                .isEqualTo(EventCodec.fingerprint(current));
    }

    @ParameterizedTest
    @FieldSource("RECORDS")
    void shouldReadAndBeReadByEveryEarlierVersion(Class<? extends SpecificRecord> type) {
        Schema current = SpecificData.get().getSchema(type);
        for (Schema earlier : PUBLISHED.getOrDefault(type.getSimpleName(), List.of())) {
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(current, earlier)
                            .getType())
                    .as("%s: current reader vs earlier writer", type.getSimpleName())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
            assertThat(SchemaCompatibility.checkReaderWriterCompatibility(earlier, current)
                            .getType())
                    .as("%s: earlier reader vs current writer", type.getSimpleName())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @ParameterizedTest
    @FieldSource("RECORDS")
    void shouldDocumentTheRecordAndEveryField(Class<? extends SpecificRecord> type) {
        Schema current = SpecificData.get().getSchema(type);
        assertThat(current.getDoc()).isNotBlank();
        assertThat(current.getFields())
                .allSatisfy(field -> assertThat(field.doc())
                        .as("doc of %s.%s", type.getSimpleName(), field.name())
                        .isNotBlank());
    }

    @ParameterizedTest
    @FieldSource("RECORDS")
    void shouldCarryEventIdAndOccurredAt(Class<? extends SpecificRecord> type) {
        Schema current = SpecificData.get().getSchema(type);
        assertThat(current.getField("eventId")).isNotNull();
        assertThat(current.getField("occurredAt")).isNotNull();
    }

    @ParameterizedTest
    @FieldSource("RECORDS")
    void shouldListEveryContractOnlyOnceInTheIndex(Class<? extends SpecificRecord> type) {
        assertThat(PUBLISHED.keySet()).containsOnlyOnce(type.getSimpleName());
        assertThat(PUBLISHED.keySet()).hasSameSizeAs(RECORDS);
    }
}
