package cn.huzhu.axon;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.axon.StoredEventSamples.Stored;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stored-event compatibility test of an event-sourced service: every event an earlier release stored (see
 * {@link StoredEventSamples}) reads into the class that owns it now, through the service's stored event names, with no
 * value lost; and every event the service's aggregates are rebuilt from has such a sample. A service's test names its
 * releases, its names and its aggregates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class StoredEventCompatibilityCheck {

    /** The releases whose stored events are kept in {@code stored-events/<release>.tsv}. */
    protected abstract List<String> releases();

    /** The service's map of names events were stored under ({@link StoredEventNames#none()} when no event moved). */
    protected abstract StoredEventNames names();

    /** The service's aggregates. */
    protected abstract List<Class<?>> aggregates();

    /** The service's changes of stored shapes, in the order its configuration declares them (none until a shape changes). */
    protected List<StoredShapeChange> shapeChanges() {
        return List.of();
    }

    protected List<Stored> storedEvents() {
        return StoredEventSamples.of(getClass(), releases());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("storedEvents")
    void everyStoredEventReadsIntoTheClassThatOwnsItNowWithEveryValueKept(Stored stored) {
        StoredEventSamples samples = new StoredEventSamples(StoredShapeChange.chain(names(), shapeChanges()));
        DomainEventMessage<?> read = samples.read(stored);

        assertThat(read.getPayloadType().getName()).isEqualTo(names().current(stored.payloadType()));
        assertThat(samples.lost(stored, read.getPayload()))
                .as("values of the stored event that the current class does not give back")
                .isEmpty();
    }

    @Test
    void everyEventAnAggregateIsRebuiltFromHasEventsStoredByAnEarlierRelease() {
        Set<String> sampled = storedEvents().stream()
                .map(s -> names().current(s.payloadType()))
                .collect(Collectors.toSet());
        assertThat(sampled)
                .containsAll(StoredEventSamples.sourcedEventTypes(aggregates().toArray(Class<?>[]::new)));
    }

    /**
     * An event's class declares the revision its last shape change leads to, and every change starts where another ends
     * or from events never revised: an event read through a broken chain would be read in an old shape.
     */
    @Test
    void everyShapeChangeLeadsFromTheUnrevisedShapeToTheRevisionItsEventDeclares() throws ClassNotFoundException {
        for (StoredShapeChange change : shapeChanges()) {
            assertThat(change.from() == null
                            || shapeChanges().stream()
                                    .anyMatch(c -> c.eventType().equals(change.eventType())
                                            && change.from().equals(c.to())))
                    .as(
                            "a change of %s from revision %s follows one that leads there",
                            change.eventType(), change.from())
                    .isTrue();
        }
        for (String type : StoredEventSamples.sourcedEventTypes(aggregates().toArray(Class<?>[]::new))) {
            Revision declared = Class.forName(type).getAnnotation(Revision.class);
            List<String> reached = shapeChanges().stream()
                    .filter(c -> c.eventType().equals(type))
                    .map(StoredShapeChange::to)
                    .toList();
            if (declared == null) {
                assertThat(reached)
                        .as("%s has shape changes but declares no @Revision", type)
                        .isEmpty();
            } else {
                assertThat(reached)
                        .as("the shape changes of %s lead to its @Revision", type)
                        .contains(declared.value());
            }
        }
    }
}
