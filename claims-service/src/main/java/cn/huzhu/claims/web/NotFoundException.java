package cn.huzhu.claims.web;

/** A resource the request names does not exist. */
class NotFoundException extends RuntimeException {

    NotFoundException(String what, String id) {
        super("There is no " + what + " " + id);
    }
}
