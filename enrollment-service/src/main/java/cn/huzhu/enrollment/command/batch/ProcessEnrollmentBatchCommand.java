package cn.huzhu.enrollment.command.batch;

import cn.huzhu.enrollment.command.MemberCategory;
import cn.huzhu.identity.IdNumber;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A district office's batch: register (or find) and enrol every row, all in one unit of work. Rows whose unit
 * is not in the office's district are refused.
 */
public record ProcessEnrollmentBatchCommand(String batchId, String district, List<Row> rows, LocalDate today) {

    public ProcessEnrollmentBatchCommand {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(today, "today");
        rows = List.copyOf(rows);
    }

    public record Row(
            int rowNo,
            String idNumber,
            String name,
            String phone,
            String unitId,
            MemberCategory category,
            boolean serviceCard,
            boolean realNameVerified,
            String planId,
            int shares,
            Integer termYears,
            LocalDate effectiveDate) {
        @Override
        public String toString() {
            return "Row[" + rowNo + ", idNumber=" + IdNumber.mask(idNumber) + ", unitId=" + unitId + ", planId="
                    + planId + "]";
        }
    }

    /** The outcome of a row: the member and enrolment, or the refusal. */
    public record RowResult(
            int rowNo, boolean accepted, String memberId, String enrollmentId, String code, String message) {}

    @Override
    public String toString() {
        return "ProcessEnrollmentBatchCommand[" + batchId + ", " + district + ", " + rows.size() + " rows]";
    }
}
