package cn.huzhu.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SupervisorTest {

    /** A service whose liveness and exit the test decides; counts how often it was killed and started again. */
    static final class Fake implements Supervisor.Supervised {
        final String name;
        final int generation;
        boolean live = true;
        Integer exit;
        boolean killed;

        Fake(String name, int generation) {
            this.name = name;
            this.generation = generation;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Integer exitCode() {
            return exit;
        }

        @Override
        public boolean live() {
            return live;
        }

        @Override
        public void kill() {
            killed = true;
        }

        @Override
        public Fake restart() {
            return new Fake(name, generation + 1);
        }
    }

    @Test
    void shouldStartAgainAServiceThatEndedAndOneThatFailsItsLivenessProbeThreeTimesInARow() {
        Supervisor supervisor = new Supervisor();
        Fake ended = new Fake("enrollment-service", 1);
        Fake stuck = new Fake("claims-service", 1);
        Fake flaky = new Fake("payout-service", 1);
        List<Fake> services = new ArrayList<>(List.of(ended, stuck, flaky));
        ended.exit = 3;
        stuck.live = false;
        flaky.live = false;

        supervisor.check(services, true);
        assertThat(services.get(0).generation)
                .as("ended: started again at once")
                .isEqualTo(2);
        supervisor.check(services, false);
        flaky.live = true;
        supervisor.check(services, true);
        flaky.live = false;
        assertThat(services.get(1).generation)
                .as("two failed probes are not yet three")
                .isEqualTo(1);
        List<String> third = supervisor.check(services, true);

        assertThat(stuck.killed).isTrue();
        assertThat(services.get(1).generation)
                .as("alive but not answering: killed and started again")
                .isEqualTo(2);
        assertThat(services.get(2).generation)
                .as("a probe that answered in between starts the count again")
                .isEqualTo(1);
        assertThat(third).singleElement().asString().contains("claims-service failed its liveness probe 3 times");
    }
}
