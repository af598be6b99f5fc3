package cn.huzhu.enrollment.command.roster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.huzhu.vocabulary.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a roster comes to from its rows: its status, what the unit owes, and the rows refused with it. */
class RosterPolicyTest {

    static final RosterRow ROW_1 = RosterRow.of(1, "张三", "男", "330102199001011234", "13800000000", null);
    static final RosterRow ROW_2 = RosterRow.of(2, "李四", "女", "330102199202021234", null, "新进");
    static final RosterRow ROW_3 = RosterRow.of(3, "王五", "男", "330102198803031234", null, null);

    static RosterRowResult enrolled(RosterRow row, String premium) {
        return new RosterRowResult(
                row.rowNo(),
                RosterRowStatus.ENROLLED,
                "m-" + row.rowNo(),
                "e-" + row.rowNo(),
                new BigDecimal(premium),
                new BigDecimal(premium),
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    static RosterRowResult alreadyEnrolled(RosterRow row) {
        return new RosterRowResult(
                row.rowNo(),
                RosterRowStatus.ALREADY_ENROLLED,
                "m-" + row.rowNo(),
                null,
                null,
                null,
                null,
                "Already enrolled",
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void aRosterIsAcceptedWithNoRowRejectedRejectedWithAllAndPartlyAcceptedOtherwise() {
        RosterRowResult refused = RosterPolicy.rejected(ROW_3, null, "INVALID_ID_NUMBER", "check digit");

        assertThat(RosterPolicy.status(List.of(enrolled(ROW_1, "50.00"), alreadyEnrolled(ROW_2))))
                .as("a member already enrolled is not a rejection")
                .isEqualTo(RosterStatus.ACCEPTED);
        assertThat(RosterPolicy.status(List.of(enrolled(ROW_1, "50.00"), refused)))
                .isEqualTo(RosterStatus.PARTIALLY_ACCEPTED);
        assertThat(RosterPolicy.status(List.of(refused))).isEqualTo(RosterStatus.REJECTED);
    }

    @Test
    void theUnitOwesThePremiumsOfTheRowsEnrolledOnly() {
        // Quzhou 2020: 40.00 per member after the renewal discount; a member already enrolled owes nothing again
        List<RosterRowResult> rows = List.of(
                enrolled(ROW_1, "40.00"),
                alreadyEnrolled(ROW_2),
                enrolled(ROW_3, "40.00"),
                RosterPolicy.rejected(ROW_2, null, "DUPLICATE_IN_ROSTER", "row 2"));

        assertThat(RosterPolicy.premiumDue(rows)).isEqualTo(Money.of("80.00"));
        assertThat(RosterPolicy.premiumDue(List.of(alreadyEnrolled(ROW_1))).yuan())
                .isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void aRowRefusedWithTheRosterCarriesTheRostersReasonAndTheRowAsSent() {
        RosterSubmittedEvent.UnitCheck belowShare = new RosterSubmittedEvent.UnitCheck(
                60, 48, 30, "UNIT_BELOW_REQUIRED_SHARE", "48 required, 30 would be enrolled");

        RosterRowResult row = RosterPolicy.refusedWithRoster(ROW_2, "m-2", belowShare);

        assertThat(row.status()).isEqualTo(RosterRowStatus.REJECTED);
        assertThat(row.code()).isEqualTo("UNIT_BELOW_REQUIRED_SHARE");
        assertThat(row.message())
                .isEqualTo("Not enrolled because the roster was refused: 48 required, 30 would be enrolled");
        assertThat(row.memberId()).isEqualTo("m-2");
        assertThat(row.name()).isEqualTo("李四");
        assertThat(row.remark()).isEqualTo("新进");
        assertThat(row.premium()).isNull();
    }
}
