package cn.huzhu.system;

/** The reporting service's district enrolment table, as the benchmarks wait for it. */
final class DistrictTable {

    /** How long the table may show no more enrolments before a benchmark gives up. */
    private static final long STALLED_NANOS = 120_000_000_000L;

    private DistrictTable() {}

    /**
     * Waits until the table at {@code report} counts {@code expected} enrolments in all, asking every
     * {@code pollMillis}; fails with the table's answer when it is not 200 or shows no progress for two minutes.
     */
    static void awaitTotal(String report, long expected, long pollMillis) throws InterruptedException {
        long shown = 0;
        long progressAt = System.nanoTime();
        while (shown < expected) {
            Http.Response table = Http.get(report);
            long total = table.json().path("totals").path("total").asLong();
            if (total > shown) {
                progressAt = System.nanoTime();
            }
            if (table.status() != 200 || System.nanoTime() - progressAt > STALLED_NANOS) {
                throw new IllegalStateException("The district table stopped at " + total + " of " + expected
                        + " enrolments (HTTP " + table.status() + "): " + table.body());
            }
            shown = total;
            Thread.sleep(pollMillis);
        }
    }
}
