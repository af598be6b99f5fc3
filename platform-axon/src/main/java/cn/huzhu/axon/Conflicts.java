package cn.huzhu.axon;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Two commands on one aggregate at the same moment (two claims under one enrolment, a payout confirmed twice): one meets the other's append
 * (or its creation) and its unit of work is rolled back whole. It is decided again against the aggregate as the
 * other left it; after a few tries the conflict is given to the caller.
 */
public final class Conflicts {

    static final int MAX_ATTEMPTS = 5;

    private Conflicts() {}

    public static <R> R sendRetrying(CommandGateway commands, Object command) {
        for (int attempt = 1; ; attempt++) {
            try {
                return commands.sendAndWait(command);
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !isConcurrentChange(e)) {
                    throw e;
                }
            }
        }
    }

    /** Runs {@code work} (a group of commands, say) again while it meets a concurrent change, a few times at most. */
    public static <R> R retrying(java.util.function.Supplier<R> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= MAX_ATTEMPTS || !isConcurrentChange(e)) {
                    throw e;
                }
            }
        }
    }

    /** Another unit of work appended to (or created) the same aggregate first: the command may simply be sent again. */
    public static boolean isConcurrentChange(Throwable ex) {
        return causedBy(ex, ConcurrencyException.class) || causedBy(ex, EventStoreException.class);
    }

    /** Whether {@code ex} or one of its causes is a {@code type}: a command handler's exception may come wrapped. */
    public static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
