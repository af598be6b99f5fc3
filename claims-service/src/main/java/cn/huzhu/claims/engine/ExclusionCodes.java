package cn.huzhu.claims.engine;

import java.util.Set;
import java.util.TreeSet;

/**
 * The exclusions a claim may be flagged with or revoked for: every exclusion the catalogue's plans name (Wujin's lists,
 * for the hospitalisation and work-injury benefits and for critical illness). A code outside this vocabulary is a
 * mistake in the request, not a reason the fund recognises.
 */
public final class ExclusionCodes {

    private static final Set<String> CODES = Set.of(
            "FRAUD",
            "DRUNKENNESS_OR_FIGHTING",
            "SELF_HARM_OR_CRIME",
            "DRUNK_DRIVING",
            "UNLICENSED_DRIVING",
            "CHECKUP_CONVALESCENCE_REHAB",
            "COSMETIC_OR_PREVENTIVE_SURGERY",
            "BED_BLOCKING",
            "HOME_SICKBED",
            "PRE_EXISTING_DISEASE",
            "CONCEALED_HISTORY",
            "MISDIAGNOSIS");

    private ExclusionCodes() {}

    public static boolean known(String code) {
        return CODES.contains(code);
    }

    /** Every code, sorted (for messages and documentation). */
    public static Set<String> all() {
        return new TreeSet<>(CODES);
    }
}
