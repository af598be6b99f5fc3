package cn.huzhu.reporting.query;

import java.util.List;

/**
 * The tables of the district enrolment projection. The live set has no suffix; a rebuild fills a shadow
 * set named with a suffix ({@link #withSuffix}) and swaps it in.
 */
public record ProjectionTables(String districtEnrollment, String realNameMembers, String processedEvent) {

    public static final ProjectionTables LIVE = new ProjectionTables("district_enrollment", "real_name_members", "processed_event");

    public ProjectionTables withSuffix(String suffix) {
        return new ProjectionTables(districtEnrollment + suffix, realNameMembers + suffix, processedEvent + suffix);
    }

    public List<String> all() {
        return List.of(districtEnrollment, realNameMembers, processedEvent);
    }
}
