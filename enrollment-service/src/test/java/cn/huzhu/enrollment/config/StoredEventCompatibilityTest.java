package cn.huzhu.enrollment.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.axon.AxonPostgresConfig;
import cn.huzhu.axon.StoredEventCompatibilityCheck;
import cn.huzhu.axon.StoredEventNames;
import cn.huzhu.enrollment.command.member.MemberAggregate;
import cn.huzhu.enrollment.command.member.MemberRegisteredEvent;
import cn.huzhu.enrollment.command.plan.PlanAggregate;
import cn.huzhu.enrollment.command.province.ProvinceBudgetAggregate;
import cn.huzhu.enrollment.command.province.ProvinceQuotaAggregate;
import cn.huzhu.enrollment.command.roster.RosterAggregate;
import cn.huzhu.enrollment.command.target.TargetAggregate;
import cn.huzhu.enrollment.command.unit.UnitAggregate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;

/**
 * Events stored by earlier releases of the service must stay readable by the current classes, with no value lost.
 * {@code stored-events/<commit>.tsv} holds events as a release stored them (payload type and payload, taken from its
 * integration tests' event store); they are read here through the event store's upcaster chain, as an aggregate or a
 * processor reads them.
 */
class StoredEventCompatibilityTest extends StoredEventCompatibilityCheck {

    private static final Path COMMAND_MODEL = Path.of("src/main/java/cn/huzhu/enrollment/command");

    private final StoredEventNames names = new StoredEventNamesConfig().storedEventNames();
    private final Serializer serializer =
            new AxonPostgresConfig().eventSerializer(new AxonPostgresConfig().axonObjectMapper());

    @Override
    protected List<String> releases() {
        return List.of("ebf2ea8");
    }

    @Override
    protected StoredEventNames names() {
        return names;
    }

    @Override
    protected List<Class<?>> aggregates() {
        return List.of(
                MemberAggregate.class,
                UnitAggregate.class,
                RosterAggregate.class,
                PlanAggregate.class,
                TargetAggregate.class,
                ProvinceQuotaAggregate.class,
                ProvinceBudgetAggregate.class);
    }

    @Test
    void everyEventOfTheCommandModelHasEventsStoredByTheReleaseBefore() throws IOException {
        Set<String> sampled =
                storedEvents().stream().map(s -> names.current(s.payloadType())).collect(Collectors.toSet());
        Set<String> events;
        try (Stream<Path> files = Files.walk(COMMAND_MODEL)) {
            events = files.filter(f -> f.getFileName().toString().endsWith("Event.java"))
                    .map(f -> "cn.huzhu.enrollment.command."
                            + COMMAND_MODEL
                                    .relativize(f)
                                    .toString()
                                    .replace('/', '.')
                                    .replace(".java", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(events).hasSize(StoredEventNamesConfig.MOVED_OUT_OF_THE_FLAT_PACKAGE.size());
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(events);
    }

    @Test
    void theFlatPackageNamesLeadToTheRooms() {
        assertThat(names.current("cn.huzhu.enrollment.command.MemberRegisteredEvent"))
                .isEqualTo(MemberRegisteredEvent.class.getName());
        assertThat(names.current("cn.huzhu.enrollment.command.member.MemberRegisteredEvent"))
                .isEqualTo(MemberRegisteredEvent.class.getName());
    }

    @Test
    void shouldReadAMemberRegisteredBeforeHardshipAndModelWorkerFlagsExistedAsNeither() {
        String storedBeforeTheFlags = """
                {"memberId":"m-1","idNumber":"11010519491231002X","name":"王芳","phone":null,"unitId":"u-1","district":"海曙",
                 "category":"IN_SERVICE","gender":"FEMALE","birthDate":"1949-12-31","serviceCard":true,"realNameVerified":true,
                 "registeredOn":"2026-11-22"}""";

        MemberRegisteredEvent event = serializer.deserialize(new SimpleSerializedObject<>(
                storedBeforeTheFlags.getBytes(),
                byte[].class,
                new SimpleSerializedType(MemberRegisteredEvent.class.getName(), null)));

        assertThat(event.hardship()).isFalse();
        assertThat(event.modelWorker()).isFalse();
        assertThat(event.serviceCard()).isTrue();
    }
}
