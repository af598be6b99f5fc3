package cn.huzhu.security;

import cn.huzhu.vocabulary.BusinessZone;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.CollectionType;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.util.TokenBuffer;

/**
 * JSON as every service takes it: what was sent, never a guess. No number is taken for an enum, a string or a boolean,
 * nor a string for a number or a boolean, nor a fraction for a whole number. A day is a {@code yyyy-MM-dd} string from
 * 1900 to the end of next year. A decimal is a plain decimal (a string, as the API writes money, or a number), without
 * sign, exponent or spaces. Text holds no control characters. An array is refused at its first element beyond the
 * {@code @Size(max)} of its field, before the rest is read.
 */
public final class StrictJson {

    /** Plain decimals: digits, an optional fraction (money is further bounded by each field's {@code @Digits}). */
    static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,8})?");

    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    private StrictJson() {}

    public static JsonMapperBuilderCustomizer customizer() {
        return builder -> builder.enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(
                        LogicalType.Integer,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .addModule(new SimpleModule("huzhu-strict-json")
                        .addDeserializer(String.class, new Text())
                        .addDeserializer(LocalDate.class, new Day())
                        .addDeserializer(BigDecimal.class, new Decimal())
                        .setDeserializerModifier(new ValueDeserializerModifier() {
                            @Override
                            public ValueDeserializer<?> modifyCollectionDeserializer(
                                    DeserializationConfig config,
                                    CollectionType type,
                                    BeanDescription.Supplier description,
                                    ValueDeserializer<?> deserializer) {
                                return new Bounded(deserializer, Integer.MAX_VALUE);
                            }
                        }));
    }

    /** Text without control characters (a NUL would not even be stored). */
    static final class Text extends StdScalarDeserializer<String> {
        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String text = p.getString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 0x20 || c == 0x7f) {
                    return ctxt.reportInputMismatch(
                            String.class, "Text may not hold control characters (U+%04X at %d)", (int) c, i);
                }
            }
            return text;
        }
    }

    /** A day written {@code yyyy-MM-dd}, from 1900 to the end of next year. */
    static final class Day extends StdScalarDeserializer<LocalDate> {
        Day() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getString();
            LocalDate day;
            try {
                day = DAY.matcher(text).matches() ? LocalDate.parse(text) : null;
            } catch (DateTimeParseException e) {
                day = null;
            }
            LocalDate latest =
                    Year.now(BusinessZone.ZONE).plusYears(1).atMonth(12).atEndOfMonth();
            if (day == null || day.isBefore(EARLIEST) || day.isAfter(latest)) {
                return ctxt.reportInputMismatch(
                        LocalDate.class, "A day is written yyyy-MM-dd, from %s to %s", EARLIEST, latest);
            }
            return day;
        }
    }

    /** A plain decimal: a string or a number of digits with an optional fraction; no sign, exponent or spaces. */
    static final class Decimal extends StdScalarDeserializer<BigDecimal> {
        Decimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            String text = p.hasToken(JsonToken.VALUE_STRING)
                            || p.hasToken(JsonToken.VALUE_NUMBER_INT)
                            || p.hasToken(JsonToken.VALUE_NUMBER_FLOAT)
                    ? p.getString()
                    : null;
            if (text == null) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            if (!DECIMAL.matcher(text).matches()) {
                return ctxt.reportInputMismatch(
                        BigDecimal.class, "An amount is written as digits with at most 8 decimals, e.g. \"2600.00\"");
            }
            return new BigDecimal(text);
        }
    }

    /** A collection refused at its first element beyond its field's {@code @Size(max)}, before the rest is bound. */
    static final class Bounded extends DelegatingDeserializer {
        private final int max;

        Bounded(ValueDeserializer<?> delegatee, int max) {
            super(delegatee);
            this.max = max;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
            return new Bounded(delegatee, max);
        }

        @Override
        public ValueDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            ValueDeserializer<?> contextual = super.createContextual(ctxt, property);
            Size size = property == null ? null : property.getAnnotation(Size.class);
            int limit = size == null ? Integer.MAX_VALUE : size.max();
            ValueDeserializer<?> inner = contextual instanceof Bounded bounded ? bounded._delegatee : contextual;
            return new Bounded(inner, limit);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            if (max == Integer.MAX_VALUE || !p.hasToken(JsonToken.START_ARRAY)) {
                return super.deserialize(p, ctxt);
            }
            TokenBuffer buffer = ctxt.bufferForInputBuffering(p);
            buffer.writeStartArray();
            int count = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (++count > max) {
                    return ctxt.reportInputMismatch(this, "At most %d items may be sent at once", max);
                }
                buffer.copyCurrentStructure(p);
            }
            buffer.writeEndArray();
            JsonParser buffered = buffer.asParserOnFirstToken(ctxt, p);
            return _delegatee.deserialize(buffered, ctxt);
        }
    }
}
