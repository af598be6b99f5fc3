package cn.huzhu.enrollment.web;

/** The resource in the path does not exist (404). */
class NotFoundException extends RuntimeException {

    NotFoundException(String kind, String id) {
        super("There is no " + kind + " " + id);
    }
}
