package cn.huzhu.enrollment.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.axon.AxonPostgresConfig;
import cn.huzhu.enrollment.command.MemberRegisteredEvent;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** Events stored by earlier versions of the service must stay readable by the current classes. */
class StoredEventCompatibilityTest {

    private final Serializer serializer = new AxonPostgresConfig().eventSerializer(new AxonPostgresConfig().axonObjectMapper());

    @Test
    void shouldReadAMemberRegisteredBeforeHardshipAndModelWorkerFlagsExistedAsNeither() {
        String storedBeforeTheFlags = """
                {"memberId":"m-1","idNumber":"11010519491231002X","name":"王芳","phone":null,"unitId":"u-1","district":"海曙",
                 "category":"IN_SERVICE","gender":"FEMALE","birthDate":"1949-12-31","serviceCard":true,"realNameVerified":true,
                 "registeredOn":"2026-11-22"}""";

        MemberRegisteredEvent event = serializer.deserialize(new SimpleSerializedObject<>(storedBeforeTheFlags.getBytes(),
                byte[].class, new SimpleSerializedType(MemberRegisteredEvent.class.getName(), null)));

        assertThat(event.hardship()).isFalse();
        assertThat(event.modelWorker()).isFalse();
        assertThat(event.serviceCard()).isTrue();
    }
}
