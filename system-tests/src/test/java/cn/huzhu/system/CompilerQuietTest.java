package cn.huzhu.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CompilerQuietTest {

    @Test
    void readsTheCompilationTimeFromAServicesPrometheusText() {
        String metrics = """
                # HELP jvm_compilation_time_ms_total The approximate accumulated elapsed time spent in compilation
                # TYPE jvm_compilation_time_ms_total counter
                jvm_compilation_time_ms_total{compiler="HotSpot 64-Bit Tiered Compilers"} 84213.0
                jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 12
                """;

        assertThat(CompilerQuiet.parse("claims-service", 200, metrics)).isEqualTo(84_213L);
    }

    @Test
    void refusesAnAnswerWithoutTheCompilationTime() {
        assertThatThrownBy(() -> CompilerQuiet.parse("claims-service", 200, "jvm_threads_live_threads 40.0\n"))
                .hasMessageContaining("claims-service reports no jvm_compilation_time_ms_total");
        assertThatThrownBy(() -> CompilerQuiet.parse("claims-service", 401, "")).hasMessageContaining("HTTP 401");
    }

    @Test
    void theShareIsTheCompilationTimeOverTheLastWholeWindow() {
        Deque<long[]> history = new ArrayDeque<>();
        history.add(sample(0, 1_000));
        assertThat(CompilerQuiet.share(history)).as("no whole window yet").isInfinite();

        history.add(sample(5, 4_000));
        history.add(sample(10, 5_000));
        history.add(sample(15, 5_500));
        // 0 s to 15 s: 4 500 ms of compilation in 15 000 ms
        assertThat(CompilerQuiet.share(history)).isCloseTo(0.30, org.assertj.core.data.Offset.offset(1e-9));

        history.add(sample(20, 5_800));
        // the newest window is 5 s to 20 s: 1 800 ms in 15 000 ms
        assertThat(CompilerQuiet.share(history)).isCloseTo(0.12, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(CompilerQuiet.share(history)).isLessThan(CompilerQuiet.QUIET_SHARE);
    }

    private static long[] sample(long seconds, long compilationMillis) {
        return new long[] {TimeUnit.SECONDS.toNanos(seconds), compilationMillis};
    }
}
