package cn.huzhu.claims.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The diagnoses a claim may name ({@code diseaseCode}) and their Chinese names: every disease the catalogue's plans
 * list, documented with its source in {@code docs/disease-codes.md}. A code outside this vocabulary is a mistake in
 * the claim, not an illness that happens not to be covered.
 */
public final class DiseaseCodes {

    private static final Map<String, String> NAMES = ordered(
            Map.entry("MALIGNANT_TUMOR", "恶性肿瘤（重度）"),
            Map.entry("ACUTE_MYOCARDIAL_INFARCTION", "较重急性心肌梗死"),
            Map.entry("STROKE_SEQUELAE", "严重脑中风后遗症"),
            Map.entry("MAJOR_ORGAN_OR_STEM_CELL_TRANSPLANT", "重大器官移植术或造血干细胞移植术"),
            Map.entry("CABG", "冠状动脉旁路手术（冠状动脉搭桥术）"),
            Map.entry("UREMIA", "慢性肾衰竭（尿毒症）"),
            Map.entry("LOSS_OF_MULTIPLE_LIMBS", "多个肢体缺失"),
            Map.entry("FULMINANT_HEPATITIS", "急性重症肝炎或亚急性重症肝炎"),
            Map.entry("NON_MALIGNANT_INTRACRANIAL_TUMOR", "严重非恶性颅内肿瘤"),
            Map.entry("CHRONIC_LIVER_FAILURE", "严重慢性肝衰竭"),
            Map.entry("ENCEPHALITIS_OR_MENINGITIS_SEQUELAE", "严重脑炎后遗症或严重脑膜炎后遗症"),
            Map.entry("DEEP_COMA", "深度昏迷"),
            Map.entry("DEAFNESS", "双耳失聪"),
            Map.entry("BLINDNESS", "双目失明"),
            Map.entry("PARALYSIS", "瘫痪"),
            Map.entry("HEART_VALVE_SURGERY", "心脏瓣膜手术"),
            Map.entry("ALZHEIMERS_DISEASE", "严重阿尔茨海默病"),
            Map.entry("SEVERE_BRAIN_INJURY", "严重脑损伤"),
            Map.entry("PARKINSONS_DISEASE", "严重原发性帕金森病"),
            Map.entry("THIRD_DEGREE_BURNS", "严重Ⅲ度烧伤"),
            Map.entry("PULMONARY_ARTERIAL_HYPERTENSION", "严重特发性肺动脉高压"),
            Map.entry("MOTOR_NEURON_DISEASE", "严重运动神经元病"),
            Map.entry("LOSS_OF_SPEECH", "语言能力丧失"),
            Map.entry("APLASTIC_ANEMIA", "重型再生障碍性贫血"),
            Map.entry("AORTIC_SURGERY", "主动脉手术"),
            Map.entry("CHRONIC_RESPIRATORY_FAILURE", "严重慢性呼吸衰竭"),
            Map.entry("CROHNS_DISEASE", "严重克罗恩病"),
            Map.entry("ULCERATIVE_COLITIS", "严重溃疡性结肠炎"),
            Map.entry("LUPUS_NEPHRITIS", "系统性红斑狼疮（并发Ⅲ型以上狼疮性肾炎）"),
            Map.entry("RHEUMATOID_ARTHRITIS", "严重类风湿性关节炎"),
            Map.entry("HEART_VALVE_REPLACEMENT", "心脏瓣膜置换术"),
            Map.entry("INTRACRANIAL_TUMOR_SURGERY", "颅内肿瘤手术"),
            Map.entry("COVID19", "新型冠状病毒肺炎（2020-01-01..2020-07-31 确诊）"),
            Map.entry("BREAST_CANCER", "乳腺癌"),
            Map.entry("FEMALE_REPRODUCTIVE_CANCER", "女性生殖器官癌症"));

    private DiseaseCodes() {}

    /** Every code with its Chinese name, in the documented order. */
    public static Map<String, String> all() {
        return NAMES;
    }

    public static Optional<String> nameOf(String code) {
        return Optional.ofNullable(NAMES.get(code));
    }

    @SafeVarargs
    private static Map<String, String> ordered(Map.Entry<String, String>... entries) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : entries) {
            if (names.put(entry.getKey(), entry.getValue()) != null) {
                throw new IllegalStateException("Disease code listed twice: " + entry.getKey());
            }
        }
        return Collections.unmodifiableMap(names);
    }
}
