package cn.huzhu.enrollment.query;

import java.util.List;
import java.util.UUID;

/** The enrolments of these ids that exist, in no particular order (an unknown id is left out). */
public record FindEnrollmentsQuery(List<UUID> enrollmentIds) {
    public FindEnrollmentsQuery {
        enrollmentIds = List.copyOf(enrollmentIds);
    }
}
