package cn.huzhu.reporting.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReportAnswersTest {

    private final AtomicInteger computed = new AtomicInteger();
    /** The changes committed, as the database would count them. */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    private ReportAnswers keeping(int kept) {
        return new ReportAnswers(changes::get, kept);
    }

    private String compute(String answer) {
        computed.incrementAndGet();
        return answer;
    }

    @Test
    void aQuestionAskedAgainIsAnsweredFromWhatWasComputedUntilTheFiguresChange() {
        ReportAnswers answers = keeping(10);
        assertThat(answers.answer(() -> compute("a"), "targets", 2026, null)).isEqualTo("a");
        assertThat(answers.answer(() -> compute("b"), "targets", 2026, null)).isEqualTo("a");
        assertThat(computed).hasValue(1);

        changes.incrementAndGet();
        assertThat(answers.answer(() -> compute("c"), "targets", 2026, null)).isEqualTo("c");
        assertThat(computed).hasValue(2);
    }

    @Test
    void otherParametersAreAnotherQuestion() {
        ReportAnswers answers = keeping(10);
        answers.answer(() -> compute("all"), "targets", 2026, null);
        assertThat(answers.answer(() -> compute("haishu"), "targets", 2026, "海曙"))
                .isEqualTo("haishu");
        assertThat(answers.answer(() -> compute("2025"), "targets", 2025, null)).isEqualTo("2025");
        assertThat(computed).hasValue(3);
    }

    @Test
    void anAnswerComputedWhileAChangeCommittedIsNotGivenAgain() {
        ReportAnswers answers = keeping(10);
        answers.answer(
                () -> {
                    changes.incrementAndGet(); // an instance commits a change while the report is being read
                    return compute("old");
                },
                "claims",
                2026);
        assertThat(answers.answer(() -> compute("new"), "claims", 2026)).isEqualTo("new");
    }

    @Test
    void noneKeptWhenTheBoundIsZeroAndTheLeastRecentlyAskedGoesFirst() {
        ReportAnswers none = keeping(0);
        none.answer(() -> compute("a"), "years");
        none.answer(() -> compute("a"), "years");
        assertThat(computed).hasValue(2);

        ReportAnswers two = keeping(2);
        two.answer(() -> compute("1"), "q", 1);
        two.answer(() -> compute("2"), "q", 2);
        two.answer(() -> compute("1"), "q", 1);
        two.answer(() -> compute("3"), "q", 3);
        assertThat(two.answer(() -> compute("1"), "q", 1)).isEqualTo("1");
        assertThat(computed).as("1 kept (asked lately), 2 went first").hasValue(5);
        two.answer(() -> compute("2"), "q", 2);
        assertThat(computed).hasValue(6);
    }
}
