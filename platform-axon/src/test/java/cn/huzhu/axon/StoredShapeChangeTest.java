package cn.huzhu.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huzhu.axon.StoredEventSamples.Stored;
import java.util.List;
import java.util.Map;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/**
 * A change of a stored shape read the way the event store reads: a field renamed and retyped between revisions, events of
 * each revision read into the class as it is now with no value lost, and a change left out shown as lost values.
 */
class StoredShapeChangeTest {

    /** Revision 2: the hospital's field renamed, the days a number (revision 3: the grade added, which needs no change). */
    @Revision("2")
    record StayRecordedEvent(String memberId, String hospitalName, int days, String grade) {}

    static final String UNREVISED = "{\"memberId\":\"m-1\",\"hospital\":\"绍兴市人民医院\",\"days\":\"10\"}";
    static final String REVISED = "{\"memberId\":\"m-2\",\"hospitalName\":\"浙大一院\",\"days\":4,\"grade\":\"三级甲等\"}";

    static final StoredShapeChange HOSPITAL_NAME_AND_DAYS =
            StoredShapeChange.of(StayRecordedEvent.class, null, "2", json -> {
                json.set("hospitalName", json.remove("hospital"));
                json.put("days", Integer.parseInt(json.remove("days").asText()));
                return json;
            });

    @Test
    void anEventStoredBeforeTheChangeReadsInItsNewShapeWithEveryValueKept() {
        StoredEventSamples samples = new StoredEventSamples(
                StoredShapeChange.chain(StoredEventNames.none(), List.of(HOSPITAL_NAME_AND_DAYS)));
        Stored old = new Stored("r1", StayRecordedEvent.class.getName(), null, UNREVISED);

        Object read = samples.read(old).getPayload();

        assertThat(read).isEqualTo(new StayRecordedEvent("m-1", "绍兴市人民医院", 10, null));
        assertThat(samples.lost(old, read)).isEmpty();
    }

    @Test
    void anEventStoredAtTheNewRevisionIsNotChangedAgain() {
        StoredEventSamples samples = new StoredEventSamples(
                StoredShapeChange.chain(StoredEventNames.none(), List.of(HOSPITAL_NAME_AND_DAYS)));
        Stored recent = new Stored("r2", StayRecordedEvent.class.getName(), "2", REVISED);

        Object read = samples.read(recent).getPayload();

        assertThat(read).isEqualTo(new StayRecordedEvent("m-2", "浙大一院", 4, "三级甲等"));
        assertThat(samples.lost(recent, read)).isEmpty();
    }

    @Test
    void withoutItsChangeAnOldEventLosesTheRenamedValue() {
        StoredEventSamples samples =
                new StoredEventSamples(StoredShapeChange.chain(StoredEventNames.none(), List.of()));
        Stored old = new Stored(
                "r1",
                StayRecordedEvent.class.getName(),
                null,
                "{\"memberId\":\"m-1\",\"hospital\":\"绍兴市人民医院\",\"days\":10}");

        Object read = samples.read(old).getPayload();

        assertThat(((StayRecordedEvent) read).hospitalName()).isNull();
        assertThat(samples.lost(old, read))
                .singleElement()
                .asString()
                .contains("hospital")
                .contains("绍兴市人民医院");
    }

    @Test
    void aChangeLeadsToAnotherRevision() {
        assertThatThrownBy(() -> StoredShapeChange.of(StayRecordedEvent.class, "2", "2", json -> json))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Map.of(HOSPITAL_NAME_AND_DAYS.eventType(), HOSPITAL_NAME_AND_DAYS.to()))
                .containsEntry(StayRecordedEvent.class.getName(), "2");
    }
}
