package cn.huzhu.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huzhu.contracts.enrollment.Funding;
import cn.huzhu.contracts.enrollment.MemberEnrolled;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final EventCodec codec = EventCodec.contracts();

    @Test
    void shouldRoundTripARecordWithItsSchemaFingerprint() {
        MemberEnrolled enrolled = sampleEnrolment();

        byte[] bytes = codec.encode(enrolled);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(codec.decode(bytes)).isEqualTo(enrolled);
    }

    @Test
    void shouldReadARecordWrittenWithAnEarlierPublishedVersion() {
        Schema current = MemberEnrolled.getClassSchema();
        // An earlier version without the optional giftOf field.
        Schema earlier = withoutField(current, "giftOf");
        GenericRecord old = new GenericData.Record(earlier);
        MemberEnrolled sample = sampleEnrolment();
        for (Schema.Field field : earlier.getFields()) {
            old.put(field.name(), sample.get(field.name()));
        }
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new org.apache.avro.Conversions.DecimalConversion());
        model.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.DateConversion());
        model.addLogicalTypeConversion(new org.apache.avro.data.TimeConversions.TimestampMillisConversion());
        model.addLogicalTypeConversion(new org.apache.avro.Conversions.UUIDConversion());
        old.put("funding", List.of(fundingRecord(earlier)));
        byte[] bytes = toBytes(new BinaryMessageEncoder<GenericRecord>(model, earlier), old);

        EventCodec codecWithHistory =
                new EventCodec(List.of(MemberEnrolled.class), Map.of("MemberEnrolled", List.of(earlier)));
        MemberEnrolled read = (MemberEnrolled) codecWithHistory.decode(bytes);

        assertThat(read.getEnrollmentId()).isEqualTo(sample.getEnrollmentId());
        assertThat(read.getPremium()).isEqualByComparingTo("60.00");
        assertThat(read.getGiftOf()).isNull();
        assertThatThrownBy(() -> codec.decode(bytes))
                .as("a version that was never published is refused")
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("Unknown schema fingerprint");
    }

    @Test
    void shouldRefuseBytesThatAreNotSingleObjectEncoded() {
        assertThatThrownBy(() -> codec.decode("{\"memberId\":1}".getBytes()))
                .isInstanceOf(UndecodableRecordException.class);
        assertThatThrownBy(() -> codec.decode(new byte[] {(byte) 0xC3})).isInstanceOf(UndecodableRecordException.class);
    }

    @Test
    void shouldRefuseATruncatedBody() {
        byte[] bytes = codec.encode(sampleEnrolment());
        byte[] truncated = java.util.Arrays.copyOf(bytes, 14);

        assertThatThrownBy(() -> codec.decode(truncated)).isInstanceOf(UndecodableRecordException.class);
    }

    static MemberEnrolled sampleEnrolment() {
        return MemberEnrolled.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2020-04-01T02:00:00Z"))
                .setEnrollmentId(UUID.randomUUID())
                .setMemberId(UUID.randomUUID())
                .setUnitId(UUID.randomUUID())
                .setDistrict("海曙")
                .setCategory("IN_SERVICE")
                .setPlanId("ningbo-2020-special-disease")
                .setPlanVersion(1)
                .setShares(3)
                .setTermYears(1)
                .setPremium(new BigDecimal("60.00"))
                .setFunding(List.of(new Funding("MEMBER", new BigDecimal("60.00"))))
                .setCoverageStart(LocalDate.of(2020, 4, 1))
                .setCoverageEnd(LocalDate.of(2021, 3, 31))
                .setWaitingPeriodEnd(LocalDate.of(2020, 6, 30))
                .setContinuous(false)
                .setGifted(false)
                .setGiftOf(null)
                .setMigrated(false)
                .build();
    }

    private static GenericRecord fundingRecord(Schema enrolled) {
        Schema funding = enrolled.getField("funding").schema().getElementType();
        GenericRecord record = new GenericData.Record(funding);
        record.put("payer", "MEMBER");
        record.put("amount", new BigDecimal("60.00"));
        return record;
    }

    private static Schema withoutField(Schema schema, String name) {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(schema.getName())
                .namespace(schema.getNamespace())
                .fields();
        for (Schema.Field field : schema.getFields()) {
            if (!field.name().equals(name)) {
                fields = fields.name(field.name()).type(field.schema()).noDefault();
            }
        }
        return fields.endRecord();
    }

    private static byte[] toBytes(BinaryMessageEncoder<GenericRecord> encoder, GenericRecord record) {
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
