package cn.huzhu.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.huzhu.vocabulary.ClaimId;
import cn.huzhu.vocabulary.MemberId;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Typed ids in stored events are their text, as string ids were before: old events read, new ones read alike. */
class TypedIdsTest {

    record PaidEvent(MemberId memberId, ClaimId claimId, Map<MemberId, String> notes, String reference) {}

    /** The same event as stored before its ids were typed. */
    record PaidEventBefore(String memberId, String claimId, Map<String, String> notes, String reference) {}

    private final ObjectMapper json = new AxonPostgresConfig().axonObjectMapper();

    @Test
    void anEventWithTypedIdsIsStoredAsTheSameJsonAsWithStringIds() throws IOException {
        PaidEvent typed =
                new PaidEvent(new MemberId("m-1"), new ClaimId("c-9"), Map.of(new MemberId("m-2"), "spouse"), "HZ1-1");
        PaidEventBefore before = new PaidEventBefore("m-1", "c-9", Map.of("m-2", "spouse"), "HZ1-1");

        assertThat(json.writeValueAsString(typed)).isEqualTo(json.writeValueAsString(before));
        assertThat(json.readValue(json.writeValueAsString(before), PaidEvent.class))
                .isEqualTo(typed);
    }

    @Test
    void anAbsentIdStaysAbsentAndABlankOneIsRefused() throws IOException {
        assertThat(json.readValue("{\"memberId\":null,\"reference\":\"r\"}", PaidEvent.class)
                        .memberId())
                .isNull();
        assertThatThrownBy(() -> json.readValue("{\"memberId\":\" \"}", PaidEvent.class))
                .hasMessageContaining("memberId is required");
        assertThatThrownBy(() -> json.readValue("{\"memberId\":{\"value\":\"m-1\"}}", PaidEvent.class))
                .isInstanceOf(IOException.class);
    }
}
