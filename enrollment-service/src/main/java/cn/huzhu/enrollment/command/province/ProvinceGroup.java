package cn.huzhu.enrollment.command.province;

/**
 * Whom the province's money is for (Guangdong, seed 003): union members at units paying their dues in full (the
 * province's part of the premium), hardship workers and model workers (the whole premium). Each has its own quota per
 * city.
 */
public enum ProvinceGroup {
    UNION_MEMBERS,
    HARDSHIP,
    MODEL_WORKERS;

    /** The group a status of the plan's {@code provincePaysAllFor} names (HARDSHIP, MODEL_WORKER). */
    public static ProvinceGroup ofStatus(String status) {
        return switch (status) {
            case "HARDSHIP" -> HARDSHIP;
            case "MODEL_WORKER" -> MODEL_WORKERS;
            default -> throw new IllegalArgumentException("No province group for status " + status);
        };
    }
}
