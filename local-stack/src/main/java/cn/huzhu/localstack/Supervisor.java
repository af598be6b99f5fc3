package cn.huzhu.localstack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an orchestrator does for the local platform: a service whose process ended is started again, and so is one alive
 * but failing its liveness probe {@value #LIVENESS_FAILURES} times in a row (out of memory without exiting, stuck), as a
 * Kubernetes liveness probe would have it restarted.
 */
final class Supervisor {

    /** Liveness probes failed in a row before a service is started again. */
    static final int LIVENESS_FAILURES = 3;

    /** What the supervisor needs of a service. */
    interface Supervised {
        String name();

        /** The exit code once the process ended, else null. */
        Integer exitCode();

        boolean live();

        void kill();

        Supervised restart();
    }

    private final Map<String, Integer> failures = new HashMap<>();

    /**
     * Looks at each service once ({@code probe}: also asks its liveness), replacing in {@code services} those started
     * again; answers what it did, a line a service.
     */
    <S extends Supervised> List<String> check(List<S> services, boolean probe) {
        List<String> done = new java.util.ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            S service = services.get(i);
            Integer exit = service.exitCode();
            if (exit != null) {
                done.add(service.name() + " exited (" + exit + "); starting it again");
                failures.remove(service.name());
                services.set(i, restart(service));
            } else if (probe && !service.live()) {
                if (failures.merge(service.name(), 1, Integer::sum) >= LIVENESS_FAILURES) {
                    done.add(service.name() + " failed its liveness probe " + LIVENESS_FAILURES
                            + " times; starting it again");
                    failures.remove(service.name());
                    service.kill();
                    services.set(i, restart(service));
                }
            } else if (probe) {
                failures.remove(service.name());
            }
        }
        return done;
    }

    @SuppressWarnings("unchecked")
    private static <S extends Supervised> S restart(S service) {
        return (S) service.restart();
    }
}
