package cn.huzhu.axon;

import cn.huzhu.vocabulary.TypedId;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;

/**
 * How the event store's serializer writes and reads typed ids ({@link TypedId}): as their text alone, as a string id was
 * written before it was typed, so typing an id changes no stored event. Any record implementing {@code TypedId} with
 * one text component is read through that component; map keys too.
 */
public final class TypedIds extends SimpleModule {

    public TypedIds() {
        super("typed-ids");
        addSerializer(TypedId.class, new StdSerializer<>(TypedId.class) {
            @Override
            public void serialize(TypedId id, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeString(id.value());
            }
        });
        addKeySerializer(TypedId.class, new StdSerializer<>(TypedId.class) {
            @Override
            public void serialize(TypedId id, JsonGenerator json, SerializerProvider provider) throws IOException {
                json.writeFieldName(id.value());
            }
        });
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addDeserializers(new Deserializers.Base() {
            @Override
            public JsonDeserializer<?> findBeanDeserializer(
                    JavaType type, DeserializationConfig config, BeanDescription description) {
                return TypedId.class.isAssignableFrom(type.getRawClass()) ? new FromText(type.getRawClass()) : null;
            }
        });
        context.addKeyDeserializers(new KeyDeserializers() {
            @Override
            public KeyDeserializer findKeyDeserializer(
                    JavaType type, DeserializationConfig config, BeanDescription description) {
                if (!TypedId.class.isAssignableFrom(type.getRawClass())) {
                    return null;
                }
                Constructor<?> constructor = constructor(type.getRawClass());
                return new KeyDeserializer() {
                    @Override
                    public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                        return create(constructor, key);
                    }
                };
            }
        });
    }

    /** A typed id read from its text. */
    private static final class FromText extends StdScalarDeserializer<Object> {

        private final transient Constructor<?> constructor;

        FromText(Class<?> type) {
            super(type);
            this.constructor = constructor(type);
        }

        @Override
        public Object deserialize(JsonParser json, DeserializationContext context) throws IOException {
            if (json.currentToken() != JsonToken.VALUE_STRING) {
                return context.handleUnexpectedToken(handledType(), json);
            }
            return create(constructor, json.getText());
        }
    }

    private static Constructor<?> constructor(Class<?> type) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(String.class);
            constructor.setAccessible(true);
            return constructor;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type.getName() + " is a TypedId without a constructor of its text", e);
        }
    }

    private static Object create(Constructor<?> constructor, String text) throws IOException {
        try {
            return constructor.newInstance(text);
        } catch (InvocationTargetException e) {
            throw new IOException(
                    "Not a " + constructor.getDeclaringClass().getSimpleName() + ": "
                            + e.getCause().getMessage(),
                    e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
