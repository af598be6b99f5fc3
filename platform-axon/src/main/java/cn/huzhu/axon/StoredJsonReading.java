package cn.huzhu.axon;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The two values every stored event carries read with less work; the result is the same as Jackson's and Axon's own
 * readers give. Every event a processor handles has its metadata read (Axon's correlation data is taken from it for
 * each event), and Axon's reader looks its map reader up again for every event; this one looks it up once. Dates in
 * ISO form ({@code 2026-12-07}) are read digit by digit instead of through a {@code DateTimeFormatter}, and every other
 * form goes to the JSR-310 module's reader as before. Registered on the event store's mapper after Axon's serializer
 * registered its metadata reader ({@link #register}), as Jackson asks the last module registered first.
 */
public final class StoredJsonReading extends SimpleModule {

    StoredJsonReading() {
        super("huzhu-stored-json-reading");
        addDeserializer(MetaData.class, new MetaDataReader());
        addDeserializer(LocalDate.class, new IsoDateReader());
    }

    /** {@code serializer}, with this module registered on its mapper after (so in front of) Axon's own module. */
    public static JacksonSerializer register(JacksonSerializer serializer) {
        serializer.getObjectMapper().registerModule(new StoredJsonReading());
        return serializer;
    }

    /** Axon's {@code MetaDataDeserializer} with its map reader found once. */
    static final class MetaDataReader extends StdDeserializer<MetaData> implements ResolvableDeserializer {

        private transient JsonDeserializer<Object> map;

        MetaDataReader() {
            super(MetaData.class);
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public void resolve(DeserializationContext context) throws JsonMappingException {
            map = context.findRootValueDeserializer(
                    context.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
        }

        @Override
        @SuppressWarnings("unchecked")
        public MetaData deserialize(JsonParser json, DeserializationContext context) throws IOException {
            return MetaData.from((Map<String, ?>) map.deserialize(json, context, new HashMap<>()));
        }

        @Override
        public Object deserializeWithType(JsonParser json, DeserializationContext context, TypeDeserializer types)
                throws IOException {
            return types.deserializeTypedFromObject(json, context);
        }
    }

    /** {@code yyyy-MM-dd} read by hand; anything else by the JSR-310 module's reader. */
    static final class IsoDateReader extends StdDeserializer<LocalDate> {

        IsoDateReader() {
            super(LocalDate.class);
        }

        @Override
        public boolean isCachable() {
            return true;
        }

        @Override
        public LocalDate deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.hasToken(JsonToken.VALUE_STRING) && json.getTextLength() == 10) {
                char[] text = json.getTextCharacters();
                int at = json.getTextOffset();
                if (text[at + 4] == '-' && text[at + 7] == '-') {
                    int year = digits(text, at, 4);
                    int month = digits(text, at + 5, 2);
                    int day = digits(text, at + 8, 2);
                    if (year >= 0 && month >= 0 && day >= 0) {
                        try {
                            return LocalDate.of(year, month, day);
                        } catch (DateTimeException e) {
                            // not a date of the calendar: the module's reader reports it as it always did
                        }
                    }
                }
            }
            return LocalDateDeserializer.INSTANCE.deserialize(json, context);
        }

        @Override
        public Object deserializeWithType(JsonParser json, DeserializationContext context, TypeDeserializer types)
                throws IOException {
            return LocalDateDeserializer.INSTANCE.deserializeWithType(json, context, types);
        }

        /** The number the {@code count} digits from {@code at} make, or -1 if one of them is not a digit. */
        private static int digits(char[] text, int at, int count) {
            int value = 0;
            for (int i = at; i < at + count; i++) {
                char c = text[i];
                if (c < '0' || c > '9') {
                    return -1;
                }
                value = value * 10 + (c - '0');
            }
            return value;
        }
    }
}
