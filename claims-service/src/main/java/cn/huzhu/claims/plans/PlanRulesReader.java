package cn.huzhu.claims.plans;

import cn.huzhu.claims.engine.Base;
import cn.huzhu.claims.engine.BenefitRule;
import cn.huzhu.claims.engine.Cause;
import cn.huzhu.claims.engine.ClaimType;
import cn.huzhu.claims.engine.PlanRules;
import cn.huzhu.claims.engine.Rounding;
import cn.huzhu.plans.InvalidPlanException;
import cn.huzhu.plans.PlanDefinition;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the benefit rules of a plan version from its JSON definition (as the plan catalogue publishes it), so
 * a new year's notice is a new plan version, not new code. The definition is read through the catalogue's
 * {@link PlanDefinition}: one that does not meet the plan schema (an unknown benefit type, a misspelt rule) is refused, never skipped.
 */
public final class PlanRulesReader {

    private PlanRulesReader() {}

    /** Reads a definition through the catalogue's one reader: refused ({@link InvalidPlanException}) unless it meets the plan schema. */
    public static PlanRules read(String definitionJson) {
        return rulesOf(PlanDefinition.read(definitionJson));
    }

    private static PlanRules rulesOf(JsonNode plan) {
        String planId = plan.path("planId").asText();
        List<BenefitRule> rules = new ArrayList<>();
        for (JsonNode benefit : plan.path("benefits")) {
            rules.add(rule(planId, benefit));
        }
        return new PlanRules(
                planId,
                plan.path("version").asInt(),
                plan.path("waiting").path("condolenceFromDays").asInt(0),
                rounding(plan.path("rounding")),
                rules,
                strings(plan.path("exclusions")),
                strings(plan.path("criticalIllnessExclusions")));
    }

    private static BenefitRule rule(String planId, JsonNode b) {
        Set<ClaimType> types = set(b.path("claimTypes"), ClaimType::valueOf);
        String type = b.path("type").asText();
        return switch (type) {
            case "BANDED" ->
                new BenefitRule.Banded(
                        types,
                        causes(b),
                        Base.valueOf(b.path("base").asText("CO_PAY")),
                        "ANNUAL".equals(b.path("accumulation").asText()),
                        bands(b.path("bands")),
                        decimal(b, "annualCapPerShare"),
                        text(b, "capGroup"));
            case "FLAT_RATE" ->
                new BenefitRule.FlatRate(
                        types,
                        causes(b),
                        Base.valueOf(b.path("base").asText("CO_PAY")),
                        decimal(b, "rate"),
                        decimal(b, "annualCapPerShare"),
                        text(b, "capGroup"),
                        b.has("rounding") ? rounding(b.path("rounding")) : null);
            case "DAILY_ALLOWANCE" ->
                new BenefitRule.DailyAllowance(
                        types,
                        perDay(b),
                        b.has("maxDays") ? b.path("maxDays").asInt() : null,
                        b.path("firstHospitalizationOnly").asBoolean(false),
                        once(b),
                        strings(b.path("diseases")));
            case "FIRST_HOSPITALIZATION_SUBSIDY" ->
                new BenefitRule.FirstHospitalizationSubsidy(types, decimal(b, "amount"));
            case "MINIMUM_PAYOUT" -> new BenefitRule.MinimumPayout(types, decimal(b, "amount"));
            case "LUMP_SUM" ->
                new BenefitRule.LumpSum(
                        types,
                        decimal(b, "amountPerShare"),
                        once(b),
                        strings(b.path("diseases")),
                        timeBoxed(b.path("timeBoxedDiseases")),
                        b.has("condolence")
                                ? new BenefitRule.Condolence(
                                        decimal(b.path("condolence"), "amount"),
                                        b.path("condolence").path("perShare").asBoolean(false))
                                : null,
                        strings(b.path("hospitalGrades")));
            case "CONDOLENCE_FOR_OTHER_LIST" ->
                new BenefitRule.CondolenceForOtherList(
                        types,
                        decimal(b, "amount"),
                        b.path("fromDays").asInt(0),
                        once(b),
                        strings(b.path("diseases")),
                        strings(b.path("excludingDiseases")));
            case "BRACKET_TOP_UP" ->
                new BenefitRule.BracketTopUp(
                        types,
                        causes(b),
                        Base.valueOf(b.path("base").asText("CO_PAY")),
                        brackets(b.path("brackets")),
                        substitutions(b.path("substitutions")));
            case "GRADE_TABLE" -> new BenefitRule.GradeTable(types, grades(b.path("grades")));
            case "DEATH_BENEFIT" ->
                new BenefitRule.DeathBenefit(types, decimal(b, "amount"), set(b.path("causes"), Cause::valueOf));
            default -> throw new IllegalArgumentException("Plan " + planId + " has a benefit of unknown type " + type);
        };
    }

    /** The exact daily amount: {@code perDayExpression} "1000/30" where given (Huzhou), else {@code perDay}. */
    private static BigDecimal perDay(JsonNode b) {
        String expression = text(b, "perDayExpression");
        if (expression != null && expression.matches("\\d+(\\.\\d+)?/\\d+")) {
            String[] parts = expression.split("/");
            return new BigDecimal(parts[0]).divide(new BigDecimal(parts[1]), 10, RoundingMode.HALF_UP);
        }
        return decimal(b, "perDay");
    }

    private static List<BenefitRule.Band> bands(JsonNode bands) {
        List<BenefitRule.Band> list = new ArrayList<>();
        bands.forEach(band -> list.add(new BenefitRule.Band(
                decimal(band, "from"), decimal(band, "to"), decimal(band, "rate"), decimal(band, "rateIfContinuous"))));
        return list;
    }

    private static List<BenefitRule.Bracket> brackets(JsonNode brackets) {
        List<BenefitRule.Bracket> list = new ArrayList<>();
        brackets.forEach(
                b -> list.add(new BenefitRule.Bracket(decimal(b, "from"), decimal(b, "to"), decimal(b, "amount"))));
        return list;
    }

    private static List<BenefitRule.Substitution> substitutions(JsonNode substitutions) {
        List<BenefitRule.Substitution> list = new ArrayList<>();
        substitutions.forEach(
                s -> list.add(new BenefitRule.Substitution(text(s, "when"), text(s, "base"), decimal(s, "rate"))));
        return list;
    }

    private static List<BenefitRule.Grade> grades(JsonNode grades) {
        List<BenefitRule.Grade> list = new ArrayList<>();
        grades.forEach(g -> list.add(new BenefitRule.Grade(
                g.path("from").asInt(),
                g.path("to").asInt(),
                decimal(g, "amount"),
                g.path("includesDeath").asBoolean(false))));
        return list;
    }

    private static List<BenefitRule.TimeBoxedDisease> timeBoxed(JsonNode list) {
        List<BenefitRule.TimeBoxedDisease> diseases = new ArrayList<>();
        list.forEach(t -> diseases.add(new BenefitRule.TimeBoxedDisease(
                text(t, "disease"),
                LocalDate.parse(text(t, "diagnosedFrom")),
                LocalDate.parse(text(t, "diagnosedTo")))));
        return diseases;
    }

    private static BenefitRule.Once once(JsonNode b) {
        return BenefitRule.Once.valueOf(b.path("oncePer").asText("TERM"));
    }

    private static Set<Cause> causes(JsonNode b) {
        return set(b.path("notFor"), Cause::valueOf);
    }

    private static Rounding rounding(JsonNode rounding) {
        if (rounding.isMissingNode() || rounding.isNull()) {
            return Rounding.FEN_HALF_UP;
        }
        return new Rounding(
                RoundingMode.valueOf(rounding.path("mode").asText("HALF_UP")),
                rounding.path("scale").asInt(2));
    }

    private static <T> Set<T> set(JsonNode array, Function<String, T> parse) {
        Set<T> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(parse.apply(v.asText())));
        return values;
    }

    private static Set<String> strings(JsonNode array) {
        return set(array, Function.identity());
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : new BigDecimal(value.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
