package cn.huzhu.contracts;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;

/**
 * Avro single-object encoding of the contract records: two marker bytes, the 8-byte fingerprint of the
 * writer schema, then the binary datum. The fingerprint selects the record type and the writer schema,
 * so a record written with any published version is read into the current class.
 */
public final class EventCodec {

    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;
    private static final int HEADER_LENGTH = 10;

    static {
        // Avro 1.12.2 refuses to instantiate classes outside a trusted list; trust exactly the contract
        // packages in addition to whatever the JVM was told, without asking every service to set a property.
        ClassSecurityValidator.ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(
                previous, type -> type.getName().startsWith("cn.huzhu.contracts.")));
    }

    private static final EventCodec CONTRACTS = new EventCodec(ContractRecords.ALL, PublishedSchemas.load());

    private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new HashMap<>();
    /** Per writer schema (by fingerprint) its reader into the current class; readers are shared between threads, as Avro's own message decoders share them. */
    private final Map<Long, DatumReader<SpecificRecord>> readersByFingerprint = new HashMap<>();
    /** A decoder per thread, reset onto each record's bytes (reading from the array itself, not through a stream). */
    private static final ThreadLocal<BinaryDecoder> DECODER = new ThreadLocal<>();

    EventCodec(List<Class<? extends SpecificRecord>> records, Map<String, List<Schema>> published) {
        for (Class<? extends SpecificRecord> type : records) {
            Schema current = SpecificData.get().getSchema(type);
            encoders.put(type, new BinaryMessageEncoder<>(SpecificData.get(), current));
            readersByFingerprint.put(fingerprint(current), reader(current, current));
            for (Schema earlier : published.getOrDefault(type.getSimpleName(), List.of())) {
                readersByFingerprint.putIfAbsent(fingerprint(earlier), reader(earlier, current));
            }
        }
    }

    /** The codec of all platform contracts. */
    public static EventCodec contracts() {
        return CONTRACTS;
    }

    public byte[] encode(SpecificRecord record) {
        BinaryMessageEncoder<SpecificRecord> encoder = encoders.get(record.getClass());
        if (encoder == null) {
            throw new IllegalArgumentException(
                    "Not a contract record: " + record.getClass().getName());
        }
        try {
            ByteBuffer buffer = encoder.encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot encode " + record.getClass().getSimpleName(), e);
        }
    }

    /**
     * @throws UndecodableRecordException when the bytes are not a single-object encoded record of a known
     *         schema version, or the datum does not match it
     */
    public SpecificRecord decode(byte[] bytes) {
        if (bytes == null || bytes.length < HEADER_LENGTH || bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new UndecodableRecordException("Not an Avro single-object encoded record");
        }
        long fingerprint =
                ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        DatumReader<SpecificRecord> reader = readersByFingerprint.get(fingerprint);
        if (reader == null) {
            throw new UndecodableRecordException("Unknown schema fingerprint " + Long.toHexString(fingerprint));
        }
        try {
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(bytes, HEADER_LENGTH, bytes.length - HEADER_LENGTH, DECODER.get());
            DECODER.set(decoder);
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableRecordException("Corrupt record body: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static DatumReader<SpecificRecord> reader(Schema writer, Schema current) {
        return SpecificData.get().createDatumReader(writer, current);
    }

    static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }
}
