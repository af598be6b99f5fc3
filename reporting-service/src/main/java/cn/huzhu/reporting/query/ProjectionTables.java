package cn.huzhu.reporting.query;

import java.util.List;

/**
 * The tables of the district enrolment projection, as its queries read them (a rebuild fills shadow copies named with
 * a suffix, {@link Target}, and swaps them in).
 */
public record ProjectionTables(
        String districtEnrollment, String realNameMembers, String awaitingPremium, String processedEvent) {

    public static final ProjectionTables LIVE =
            new ProjectionTables("district_enrollment", "real_name_members", "awaiting_premium", "processed_event");

    public List<String> all() {
        return List.of(districtEnrollment, realNameMembers, awaitingPremium, processedEvent);
    }
}
