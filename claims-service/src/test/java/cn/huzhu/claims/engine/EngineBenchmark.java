package cn.huzhu.claims.engine;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Claims adjudicated per second on one thread, for three kinds of rule set: banded reimbursement with a
 * first-hospitalisation subsidy (Ningbo), annual brackets paid as top-ups (Wujin) and a lump sum with its
 * waiting period (Ningbo special disease). Run: {@code ./mvnw -B -q -pl claims-service test-compile exec:exec}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EngineBenchmark {

    PlanRules ningbo;
    PlanRules wujin;
    PlanRules special;
    Coverage ningboCover;
    Coverage wujinCover;
    Coverage specialCover;
    BenefitAccount wujinAccount;
    Claim hospitalStay;
    Claim wujinStay;
    Claim diagnosis;

    @Setup
    public void setUp() {
        ningbo = SeedPlans.plan("ningbo-2020-inservice-hospital");
        wujin = SeedPlans.plan("wujin-2022");
        special = SeedPlans.plan("ningbo-2020-special-disease");
        LocalDate start = LocalDate.of(2020, 3, 1);
        ningboCover = new Coverage(
                "e-1", ningbo.planId(), 1, 1, start, start.plusYears(1).minusDays(1), start, false);
        specialCover = new Coverage(
                "e-2", special.planId(), 1, 2, start, start.plusYears(1).minusDays(1), start.plusDays(90), false);
        wujinCover = new Coverage(
                "e-3",
                wujin.planId(),
                1,
                1,
                LocalDate.of(2022, 1, 1),
                LocalDate.of(2022, 12, 31),
                LocalDate.of(2022, 1, 1),
                false);
        hospitalStay = Claim.hospitalization(
                start.plusDays(40), 8, Bill.settled("20000", "14000", "800", "5234.56", "765.44"));
        wujinStay = new Claim(
                ClaimType.HOSPITALIZATION,
                LocalDate.of(2022, 6, 1),
                null,
                6,
                null,
                null,
                null,
                Cause.ILLNESS,
                Set.of(),
                Bill.settled("20000", "12000", "0", "7000", "1000"));
        wujinAccount = BenefitEngine.adjudicate(wujin, wujinCover, BenefitAccount.EMPTY, wujinStay)
                .accountAfter();
        diagnosis = Claim.diagnosis(start.plusDays(120), "MALIGNANT_TUMOR");
    }

    @Benchmark
    public Adjudication bandedWithSubsidy() {
        return BenefitEngine.adjudicate(ningbo, ningboCover, BenefitAccount.EMPTY, hospitalStay);
    }

    @Benchmark
    public Adjudication bracketTopUpOnASecondClaim() {
        return BenefitEngine.adjudicate(wujin, wujinCover, wujinAccount, wujinStay);
    }

    @Benchmark
    public Adjudication lumpSumAfterTheWaitingPeriod() {
        return BenefitEngine.adjudicate(special, specialCover, BenefitAccount.EMPTY, diagnosis);
    }
}
