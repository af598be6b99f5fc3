package cn.huzhu.claims.query;

import cn.huzhu.claims.command.claim.CoverageDirectory;
import cn.huzhu.claims.command.claim.MemberDirectory;
import cn.huzhu.claims.engine.Coverage;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The members and their enrolments from the member directory and the coverage view, which the enrolment events keep. */
@Component
public class CoverageDirectoryView implements CoverageDirectory, MemberDirectory {

    private final JdbcTemplate jdbc;

    public CoverageDirectoryView(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<CoverageFacts> coveragesOn(String memberId, LocalDate date) {
        return jdbc.query(
                """
                select * from coverage_view where member_id = ? and coverage_start <= ? and coverage_end >= ?
                order by plan_id, coverage_start""",
                (rs, i) -> new CoverageFacts(
                        new Coverage(
                                rs.getString("enrollment_id"),
                                rs.getString("plan_id"),
                                rs.getInt("plan_version"),
                                rs.getInt("shares"),
                                rs.getObject("coverage_start", LocalDate.class),
                                rs.getObject("coverage_end", LocalDate.class),
                                rs.getObject("waiting_period_end", LocalDate.class),
                                rs.getBoolean("continuous")),
                        "COLLECTED".equals(rs.getString("premium_status"))),
                UUID.fromString(memberId),
                date,
                date);
    }

    /** A member is known once registered (or enrolled: the enrolment of a member registered before the directory was kept). */
    @Override
    public boolean exists(String memberId) {
        UUID member = UUID.fromString(memberId);
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from member_directory where member_id = ?)"
                        + " or exists (select 1 from coverage_view where member_id = ?)",
                Boolean.class,
                member,
                member));
    }

    /** The unit and district a member's enrolments were recorded with (who may see the member's claims); empty without any. */
    public java.util.Optional<Owner> ownerOf(String memberId) {
        return jdbc
                .query(
                        "select unit_id::text, district from coverage_view where member_id = ? limit 1",
                        (rs, i) -> new Owner(rs.getString(1), rs.getString(2)),
                        UUID.fromString(memberId))
                .stream()
                .findFirst();
    }

    public record Owner(String unitId, String district) {}
}
