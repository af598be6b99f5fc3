package cn.huzhu.enrollment.web;

/** The Idempotency-Key was used before with a different request body. */
class IdempotencyConflictException extends RuntimeException {

    IdempotencyConflictException(String message) {
        super(message);
    }
}
