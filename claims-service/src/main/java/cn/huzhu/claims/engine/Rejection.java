package cn.huzhu.claims.engine;

/** Why nothing is paid: a stable code and a sentence. */
public record Rejection(String code, String message) {
}
