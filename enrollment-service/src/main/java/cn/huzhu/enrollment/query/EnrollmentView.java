package cn.huzhu.enrollment.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.jdbc.core.RowMapper;

public record EnrollmentView(
        String enrollmentId,
        String memberId,
        String planId,
        int planVersion,
        int shares,
        int termYears,
        BigDecimal premium,
        String fundingJson,
        LocalDate coverageStart,
        LocalDate coverageEnd,
        LocalDate waitingPeriodEnd,
        boolean continuous,
        boolean gifted,
        String giftOf,
        boolean migrated,
        String district,
        String category,
        String premiumStatus,
        LocalDate collectedOn,
        String collectionReference,
        String collectionFailure) {

    static final RowMapper<EnrollmentView> ROW_MAPPER = (rs, i) -> new EnrollmentView(
            rs.getString("enrollment_id"),
            rs.getString("member_id"),
            rs.getString("plan_id"),
            rs.getInt("plan_version"),
            rs.getInt("shares"),
            rs.getInt("term_years"),
            rs.getBigDecimal("premium"),
            rs.getString("funding"),
            rs.getObject("coverage_start", LocalDate.class),
            rs.getObject("coverage_end", LocalDate.class),
            rs.getObject("waiting_period_end", LocalDate.class),
            rs.getBoolean("continuous"),
            rs.getBoolean("gifted"),
            rs.getString("gift_of"),
            rs.getBoolean("migrated"),
            rs.getString("district"),
            rs.getString("category"),
            rs.getString("premium_status"),
            rs.getObject("collected_on", LocalDate.class),
            rs.getString("collection_reference"),
            rs.getString("collection_failure"));
}
