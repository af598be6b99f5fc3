package cn.huzhu.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.SplittableRandom;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** Stored event times read digit by digit give what Axon's reader gives, and what it refuses is refused. */
class StoredInstantTest {

    @Test
    void timesAxonWroteReadAsAxonReadsThem() {
        SplittableRandom random = new SplittableRandom(20261208);
        long from = Instant.parse("1970-01-01T00:00:00Z").toEpochMilli();
        long to = Instant.parse("2200-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 200_000; i++) {
            assertSameAsAxon(DateTimeUtils.formatInstant(Instant.ofEpochMilli(random.nextLong(from, to))));
        }
        String[] edges = {
            "1970-01-01T00:00:00.000Z",
            "2024-02-29T23:59:59.999Z",
            "2026-12-31T23:59:59.999Z",
            "2027-01-01T00:00:00.000Z"
        };
        for (String stored : edges) {
            assertSameAsAxon(stored);
        }
    }

    @Test
    void otherFormsGoToAxonsReader() {
        for (String stored : new String[] {
            "2026-12-08T01:02:03Z",
            "2026-12-08T01:02:03.456789Z",
            "2026-12-08T09:02:03.456+08:00",
            "2026-12-08T01:02:03.4567Z"
        }) {
            assertSameAsAxon(stored);
        }
    }

    @Test
    void whatAxonRefusesIsRefused() {
        for (String stored : new String[] {
            "2026-02-30T01:02:03.456Z",
            "2026-13-08T01:02:03.456Z",
            "2026-12-08T24:02:03.456Z",
            "2026-12-08T01:60:03.456Z",
            "2026-12-08T01:02:3a.456Z",
            "2026-12-08 01:02:03.456Z",
            ""
        }) {
            assertThatThrownBy(() -> DateTimeUtils.parseInstant(stored)).isInstanceOf(DateTimeParseException.class);
            assertThatThrownBy(() -> StoredInstant.parse(stored)).as(stored).isInstanceOf(DateTimeParseException.class);
        }
    }

    private static void assertSameAsAxon(String stored) {
        assertThat(StoredInstant.parse(stored)).as(stored).isEqualTo(DateTimeUtils.parseInstant(stored));
    }
}
