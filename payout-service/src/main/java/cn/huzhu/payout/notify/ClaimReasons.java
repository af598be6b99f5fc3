package cn.huzhu.payout.notify;

import java.util.Map;

/**
 * A claim's refusal in words a member understands, from its stable code alone: the decision's own message may name the
 * condition, and no notice names a diagnosis.
 */
final class ClaimReasons {

    private static final Map<String, String> WORDS = Map.ofEntries(
            Map.entry("NO_COVERAGE", "事发时您不在本互助保障的保障期内"),
            Map.entry("PREMIUM_NOT_COLLECTED", "事发时您的互助金尚未缴纳，保障未生效"),
            Map.entry("IN_WAITING_PERIOD", "事发时尚在参保后的观察期内"),
            Map.entry("EXCLUDED", "属于互助保障章程规定不予给付的情形"),
            Map.entry("SELF_HARM_OR_CRIME", "属于互助保障章程规定不予给付的情形"),
            Map.entry("UNLICENSED_DRIVING", "属于互助保障章程规定不予给付的情形"),
            Map.entry("DISEASE_NOT_COVERED", "申请的情形不在本互助保障的给付范围内"),
            Map.entry("NOT_COVERED", "申请的情形不在本互助保障的给付范围内"),
            Map.entry("NOT_FIRST_DIAGNOSIS", "申请的情形不在本互助保障的给付范围内"),
            Map.entry("PRE_EXISTING_DISEASE", "申请的情形在参保前已存在，不在给付范围内"),
            Map.entry("HOSPITAL_NOT_ELIGIBLE", "就诊的医疗机构不符合给付条件"),
            Map.entry("DUPLICATE_STAY", "同一次住院已经申请过"),
            Map.entry("ALREADY_PAID", "同一次住院已经给付过"),
            Map.entry("NO_BENEFIT", "按章程计算没有应给付的金额"),
            Map.entry("MINIMUM_PAYOUT", "按章程计算没有应给付的金额"),
            Map.entry("UNSETTLED_TRAFFIC_ACCIDENT", "交通事故责任尚未认定，认定后可再次申请"),
            Map.entry("REJECTED_IN_REVIEW", "经审核不符合给付条件"));

    private ClaimReasons() {}

    static String plainWords(String code) {
        return WORDS.getOrDefault(code, "不符合互助保障的给付条件");
    }
}
