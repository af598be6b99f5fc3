package cn.huzhu.system;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Members for the claim benchmarks: registered in one unit and enrolled in Shaoxing's plan over REST, dated in the
 * past (migrated, so the premium counts as collected), and known to the claims service: a claim for each is sent
 * until it is approved, which also warms the service.
 */
final class ClaimBenchmarkMembers {

    /** A member as the union knows them (id) and as a hospital does (ID number). */
    record Member(String memberId, String idNumber) {}

    private ClaimBenchmarkMembers() {}

    static List<Member> enrolCovered(RunningPlatform platform, int count, LocalDate effective) throws Exception {
        String enrollment = platform.enrollment.baseUrl();
        String unitId = Http.post(
                        enrollment + "/api/units",
                        Map.of("name", "理赔基准单位", "district", "越城区", "nature", "PUBLIC", "insuredHeadcount", count))
                .json()
                .path("unitId")
                .asText();
        List<Member> members = new ArrayList<>();
        for (int from = 0; from < count; from += 500) {
            List<Map<String, Object>> batch = new ArrayList<>();
            List<String> idNumbers = new ArrayList<>();
            for (int i = from; i < Math.min(count, from + 500); i++) {
                LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(i / 400);
                String idNumber = IdNumberFixtures.idNumber(
                        "330602", birth.format(DateTimeFormatter.BASIC_ISO_DATE), i % 400 * 2 + 1);
                idNumbers.add(idNumber);
                batch.add(Map.of("idNumber", idNumber, "name", "理赔会员", "unitId", unitId, "category", "IN_SERVICE"));
            }
            var results = Http.post(enrollment + "/api/members/batch", Map.of("items", batch))
                    .json()
                    .path("results");
            List<Map<String, Object>> enrolments = new ArrayList<>();
            for (int i = 0; i < idNumbers.size(); i++) {
                String memberId = results.get(i).path("id").asText();
                members.add(new Member(memberId, idNumbers.get(i)));
                enrolments.add(Map.of(
                        "memberId",
                        memberId,
                        "planId",
                        "shaoxing-hospital",
                        "shares",
                        1,
                        "effectiveDate",
                        effective.toString(),
                        "paidOn",
                        effective.toString(),
                        "paymentReference",
                        "LEGACY-" + memberId));
            }
            // cover from a day already past: the scheme administrator's migration of what was paid then
            Http.post(enrollment + "/api/enrollments/migrations", Map.of("items", enrolments));
        }
        String claims = platform.claims.baseUrl() + "/api/claims";
        for (Member member : members) {
            while (!"APPROVED"
                    .equals(Http.post(claims, claim(member.memberId(), warmUpAdmission(effective), "100.00"))
                            .json()
                            .path("status")
                            .asText())) {
                Thread.sleep(200);
            }
        }
        settled(platform.stack.bootstrapServers());
        return members;
    }

    private static LocalDate warmUpAdmission(LocalDate effective) {
        return effective.plusDays(1);
    }

    /**
     * The first day after each member's warm-up claim (a stay of three nights from the day after the cover began): a
     * stay claimed from then on is not the same stay.
     */
    static LocalDate afterWarmUpClaim(LocalDate effective) {
        return warmUpAdmission(effective).plusDays(4);
    }

    /**
     * Waits until no topic has grown for 5 s (at most 3 min): the services have published what the members' enrolment and
     * warm-up claims made, so the timed claims do not share the cores with that backlog (without it, p99 ranged from 0.3 to
     * 5 s between runs of the same code).
     */
    static void settled(String bootstrap) throws Exception {
        try (org.apache.kafka.clients.admin.Admin admin =
                org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
            long last = -1;
            int quiet = 0;
            while (quiet < 5 && System.nanoTime() < deadline) {
                Thread.sleep(1000);
                long now = TopicRecords.onEveryTopic(admin);
                quiet = now == last ? quiet + 1 : 0;
                last = now;
            }
        }
    }

    static Map<String, Object> claim(String memberId, LocalDate admitted, String coPay) {
        return Map.of(
                "memberId",
                memberId,
                "type",
                "HOSPITALIZATION",
                "eventDate",
                admitted.toString(),
                "dischargeDate",
                admitted.plusDays(3).toString(),
                "hospitalDays",
                3,
                "bill",
                Map.of(
                        "total",
                        "20000.00",
                        "pooledFundPaid",
                        "10000.00",
                        "deductible",
                        "0",
                        "coPay",
                        coPay,
                        "selfFunded",
                        "0"));
    }

    /** Percentiles of sorted nanosecond latencies as a Markdown table row (p50, p90, p99, max) in milliseconds. */
    static String latencyRow(List<Long> sorted) {
        return String.format(
                "| %.1f ms | %.1f ms | **%.1f ms** | %.1f ms |",
                ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 1.0));
    }

    static double ms(List<Long> sorted, double quantile) {
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
