package cn.huzhu.payout.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoticeTemplatesTest {

    private final NoticeTemplates templates = NoticeTemplates.load();

    @Test
    void everyNoticeHasItsTextAndTheValuesItsSendersFill() {
        Map<NoticeKind, Set<String>> filled = Map.ofEntries(
                Map.entry(NoticeKind.ENROLLED, Set.of("plan", "shares", "start", "end", "premium", "payers", "state")),
                Map.entry(NoticeKind.PREMIUM_COLLECTED, Set.of("plan", "amount", "date", "start", "end")),
                Map.entry(NoticeKind.PREMIUM_COLLECTION_FAILED, Set.of("plan", "date", "reason", "advice")),
                Map.entry(NoticeKind.CLAIM_APPROVED, Set.of("date", "total", "howPaid")),
                Map.entry(NoticeKind.CLAIM_IN_REVIEW, Set.of("date")),
                Map.entry(NoticeKind.CLAIM_REJECTED, Set.of("date", "reason")),
                Map.entry(NoticeKind.PAYOUT_SUCCEEDED, Set.of("amount", "card", "offset")),
                Map.entry(NoticeKind.PAYOUT_ACCOUNT_REJECTED, Set.of("amount", "card")),
                Map.entry(NoticeKind.PAYOUT_FAILED, Set.of("amount", "card")),
                Map.entry(NoticeKind.RECOVERY_OPENED, Set.of("amount", "outstanding")),
                Map.entry(NoticeKind.ACCOUNT_CHANGED, Set.of("bank", "card", "when")),
                Map.entry(NoticeKind.RENEWAL_FIRST, Set.of("plan", "end")),
                Map.entry(NoticeKind.RENEWAL_SECOND, Set.of("plan", "end", "days")));
        assertThat(filled.keySet()).containsExactlyInAnyOrder(NoticeKind.values());
        filled.forEach((kind, values) ->
                assertThat(templates.placeholders(kind)).as(kind.name()).isEqualTo(values));
    }

    @Test
    void aNoticeIsRenderedWithEveryValueAndRefusedWithOneMissingOrOneTooMany() {
        assertThat(templates.render(NoticeKind.RECOVERY_OPENED, Map.of("amount", "1200.00", "outstanding", "800.00")))
                .isEqualTo("【职工互助】您已领取的互助保障金中有1200.00元因申请被撤销需退回（尚欠800.00元）。请联系所在工会办理退回；今后给付您的互助金将先抵扣此款。");
        assertThatThrownBy(() -> templates.render(NoticeKind.RECOVERY_OPENED, Map.of("amount", "1200.00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outstanding");
        assertThatThrownBy(() -> templates.render(
                        NoticeKind.PAYOUT_FAILED, Map.of("amount", "1.00", "card", "1234", "diagnosis", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("diagnosis");
    }

    @Test
    void noTextNamesAnIllnessAHospitalOrADiagnosis() {
        for (NoticeKind kind : NoticeKind.values()) {
            String text = templates.render(
                    kind,
                    Map.copyOf(templates.placeholders(kind).stream()
                            .collect(java.util.stream.Collectors.toMap(p -> p, p -> ""))));
            assertThat(text).as(kind.name()).startsWith("【职工互助】").doesNotContain("诊断", "疾病", "病情", "医院", "住院");
        }
        assertThat(Arrays.stream(new String[] {
                            "NO_COVERAGE", "DISEASE_NOT_COVERED", "PRE_EXISTING_DISEASE", "SOMETHING_NEW"
                        })
                        .map(ClaimReasons::plainWords))
                .allSatisfy(words -> assertThat(words).doesNotContain("诊断", "疾病", "病"));
    }

    @Test
    void aTemplateFileWithoutEveryNoticeOrWithOneTwiceIsRefused() {
        assertThatThrownBy(() -> NoticeTemplates.parse(new BufferedReader(new StringReader("ENROLLED = x\n"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No template");
        assertThatThrownBy(() ->
                        NoticeTemplates.parse(new BufferedReader(new StringReader("ENROLLED = x\nENROLLED = y\n"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Two templates");
    }

    @Test
    void onlyTheNoticesAboutMoneyReachAMemberWhoOptedOut() {
        assertThat(Arrays.stream(NoticeKind.values()).filter(k -> !k.optional()))
                .containsExactlyInAnyOrder(
                        NoticeKind.PAYOUT_SUCCEEDED,
                        NoticeKind.PAYOUT_ACCOUNT_REJECTED,
                        NoticeKind.PAYOUT_FAILED,
                        NoticeKind.RECOVERY_OPENED,
                        NoticeKind.ACCOUNT_CHANGED);
    }
}
