package cn.huzhu.enrollment.command;

/** The districts a unit may belong to (a registry per region, held as data): anything else is refused. */
public interface Districts {

    boolean known(String district);

    /** Refuses a district outside the registry. */
    default void check(String district) {
        if (district == null || !known(district.strip())) {
            throw new EnrollmentRefusedException(
                    EnrollmentRefusal.UNKNOWN_DISTRICT,
                    "district",
                    "There is no such district in the registry (GET /api/districts)");
        }
    }
}
