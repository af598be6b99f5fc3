package cn.huzhu.enrollment.web;

import cn.huzhu.enrollment.query.EnrollmentView;
import cn.huzhu.vocabulary.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public record EnrollmentResponse(
        String enrollmentId,
        String memberId,
        String planId,
        int planVersion,
        int shares,
        int termYears,
        String premium,
        List<Funding> funding,
        LocalDate coverageStart,
        LocalDate coverageEnd,
        LocalDate waitingPeriodEnd,
        boolean continuous,
        boolean gifted,
        String giftOf,
        boolean migrated,
        String district,
        String premiumStatus,
        LocalDate collectedOn,
        String collectionReference,
        String collectionFailure) {

    public record Funding(String payer, String amount) {}

    private static final Pattern FUNDING =
            Pattern.compile("\"payer\"\\s*:\\s*\"([A-Z_]+)\"\\s*,\\s*\"amount\"\\s*:\\s*\"([0-9.]+)\"");

    static EnrollmentResponse of(EnrollmentView v) {
        return new EnrollmentResponse(
                v.enrollmentId(),
                v.memberId(),
                v.planId(),
                v.planVersion(),
                v.shares(),
                v.termYears(),
                Money.text(v.premium()),
                funding(v.fundingJson()),
                v.coverageStart(),
                v.coverageEnd(),
                v.waitingPeriodEnd(),
                v.continuous(),
                v.gifted(),
                v.giftOf(),
                v.migrated(),
                v.district(),
                v.premiumStatus(),
                v.collectedOn(),
                v.collectionReference(),
                v.collectionFailure());
    }

    private static List<Funding> funding(String json) {
        Matcher m = FUNDING.matcher(json);
        List<Funding> shares = new java.util.ArrayList<>();
        while (m.find()) {
            shares.add(new Funding(m.group(1), Money.text(new BigDecimal(m.group(2)))));
        }
        return shares;
    }
}
