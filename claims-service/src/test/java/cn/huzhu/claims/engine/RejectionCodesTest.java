package cn.huzhu.claims.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every reason a claim is not paid is one of {@link RejectionCode}, and the service's README lists exactly those. */
class RejectionCodesTest {

    @Test
    void theReadmeListsEveryRejectionCodeInOrder() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String list = readme.substring(
                readme.indexOf("Rejection codes ("), readme.indexOf("\n\n", readme.indexOf("Rejection codes (")));
        List<String> documented = Pattern.compile("`([A-Z][A-Z_]+)`")
                .matcher(list.substring(list.indexOf("):")))
                .results()
                .map(m -> m.group(1))
                .toList();

        assertThat(documented)
                .containsExactlyElementsOf(
                        Arrays.stream(RejectionCode.values()).map(Enum::name).toList());
    }

    @Test
    void aRejectionKnowsItsReason() {
        Rejection capReached = Rejection.of(RejectionCode.CAP_REACHED, "The annual cap of 50000 is reached");

        assertThat(capReached.code()).isEqualTo("CAP_REACHED");
        assertThat(capReached.is(RejectionCode.CAP_REACHED)).isTrue();
        assertThat(capReached.is(RejectionCode.NO_BASE)).isFalse();
    }
}
