package cn.huzhu.enrollment.command.plan;

/** A registered plan version was offered again with different content. */
public class PlanVersionImmutableException extends RuntimeException {

    public PlanVersionImmutableException(String planId, int version) {
        super("Plan " + planId + " version " + version
                + " is already registered with other content; publish a new version instead");
    }
}
