package cn.huzhu.reporting.query;

import cn.huzhu.contracts.enrollment.MemberEnrolled;
import cn.huzhu.contracts.enrollment.MemberRegistered;
import cn.huzhu.contracts.enrollment.PremiumCollected;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts enrolments in force per plan year (the year coverage starts) and district: gifted shares of a special-disease
 * plan in their own column (特病赠送; the plans are the setting {@code huzhu.reporting.gifted-special-disease-plans}),
 * the others, other gifts included, by member category; and real-name verified members by registration year. An enrolment whose
 * premium is still owed is kept aside ({@code awaiting_premium}) and counted when its {@code PremiumCollected} comes; one
 * never paid is never counted. A batch is deduplicated on event ids in one statement, so a redelivered event is counted
 * once. Must run inside a transaction.
 */
@Component
public class DistrictEnrollmentProjection {

    private final JdbcTemplate jdbc;
    private final java.util.Set<String> giftedColumnPlans;

    public DistrictEnrollmentProjection(
            JdbcTemplate jdbc,
            @org.springframework.beans.factory.annotation.Value(
                            "${huzhu.reporting.gifted-special-disease-plans:ningbo-2020-special-disease}")
                    List<String> giftedColumnPlans) {
        this.jdbc = jdbc;
        this.giftedColumnPlans = java.util.Set.copyOf(giftedColumnPlans);
    }

    /** A decoded event with its id, or a record of a type this projection ignores. */
    public record Event(UUID eventId, SpecificRecord record) {}

    private record Cell(int year, String district) {}

    /** An enrolment awaiting its premium: where it is counted once collected (never a gift: gifts are given in force). */
    private record Awaiting(String district, boolean retired) {}

    /** Whether an enrolment is in force as recorded: nobody owes its premium (records from before premiums were collected were). */
    public static boolean inForce(MemberEnrolled enrolled) {
        return !"PENDING".equals(enrolled.getPremiumStatus());
    }

    /** @return how many events were new (not seen before) */
    public int apply(List<Event> events, Target tables) {
        if (events.isEmpty()) {
            return 0;
        }
        List<Event> fresh = tables.fresh(jdbc, ProjectionTables.LIVE.processedEvent(), events);
        Map<Cell, int[]> enrolments = new LinkedHashMap<>();
        Map<Cell, Integer> realName = new LinkedHashMap<>();
        Map<UUID, Awaiting> awaiting = new LinkedHashMap<>();
        List<PremiumCollected> collectedEarlier = new ArrayList<>();
        for (Event event : fresh) {
            if (event.record() instanceof MemberEnrolled enrolled) {
                if (inForce(enrolled)) {
                    count(
                            enrolments,
                            enrolled.getCoverageStart().getYear(),
                            enrolled.getDistrict(),
                            enrolled.getGifted() && giftedColumnPlans.contains(enrolled.getPlanId())
                                    ? 0
                                    : "RETIRED".equals(enrolled.getCategory()) ? 2 : 1);
                } else {
                    awaiting.put(
                            enrolled.getEnrollmentId(),
                            new Awaiting(enrolled.getDistrict(), "RETIRED".equals(enrolled.getCategory())));
                }
            } else if (event.record() instanceof PremiumCollected collected) {
                Awaiting enrolled = awaiting.remove(collected.getEnrollmentId());
                if (enrolled != null) {
                    count(
                            enrolments,
                            collected.getCoverageStart().getYear(),
                            enrolled.district(),
                            enrolled.retired() ? 2 : 1);
                } else {
                    collectedEarlier.add(collected);
                }
            } else if (event.record() instanceof MemberRegistered registered && registered.getRealNameVerified()) {
                realName.merge(
                        new Cell(registered.getRegisteredOn().getYear(), registered.getDistrict()), 1, Integer::sum);
            }
        }
        String awaitingTable = tables.table(ProjectionTables.LIVE.awaitingPremium());
        if (!collectedEarlier.isEmpty()) {
            Map<UUID, Awaiting> stored = new java.util.HashMap<>();
            Uuids.query(
                    jdbc,
                    "delete from " + awaitingTable
                            + " where enrollment_id = any(?) returning enrollment_id, district, retired",
                    collectedEarlier.stream()
                            .map(PremiumCollected::getEnrollmentId)
                            .toList(),
                    rs -> stored.put(rs.getObject(1, UUID.class), new Awaiting(rs.getString(2), rs.getBoolean(3))));
            for (PremiumCollected collected : collectedEarlier) {
                Awaiting enrolled = stored.remove(collected.getEnrollmentId());
                if (enrolled != null) {
                    count(
                            enrolments,
                            collected.getCoverageStart().getYear(),
                            enrolled.district(),
                            enrolled.retired() ? 2 : 1);
                }
            }
        }
        if (!awaiting.isEmpty()) {
            List<Object[]> rows = new ArrayList<>();
            awaiting.forEach((id, a) -> rows.add(new Object[] {id, a.district(), a.retired()}));
            jdbc.batchUpdate(
                    "insert into " + awaitingTable
                            + " (enrollment_id, district, retired) values (?, ?, ?) on conflict do nothing",
                    rows);
        }
        if (!enrolments.isEmpty()) {
            List<Object[]> rows = new ArrayList<>();
            enrolments.forEach((cell, c) -> rows.add(new Object[] {cell.year(), cell.district(), c[0], c[1], c[2]}));
            jdbc.batchUpdate(
                    "insert into " + tables.table(ProjectionTables.LIVE.districtEnrollment())
                            + " as t (year, district, gifted, in_service, retired) values (?, ?, ?, ?, ?)"
                            + " on conflict (year, district) do update set gifted = t.gifted + excluded.gifted,"
                            + " in_service = t.in_service + excluded.in_service, retired = t.retired + excluded.retired",
                    rows);
        }
        if (!realName.isEmpty()) {
            List<Object[]> rows = new ArrayList<>();
            realName.forEach((cell, n) -> rows.add(new Object[] {cell.year(), cell.district(), n}));
            jdbc.batchUpdate(
                    "insert into " + tables.table(ProjectionTables.LIVE.realNameMembers())
                            + " as t (year, district, members) values (?, ?, ?)"
                            + " on conflict (year, district) do update set members = t.members + excluded.members",
                    rows);
        }
        return fresh.size();
    }

    /** One more enrolment in this year's and district's column (0 gifted, 1 in-service, 2 retired). */
    private static void count(Map<Cell, int[]> enrolments, int year, String district, int column) {
        enrolments.computeIfAbsent(new Cell(year, district), c -> new int[3])[column]++;
    }
}
