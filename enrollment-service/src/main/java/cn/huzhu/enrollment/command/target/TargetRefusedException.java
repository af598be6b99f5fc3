package cn.huzhu.enrollment.command.target;

import cn.huzhu.enrollment.command.RefusedException;

/** A target that cannot be set (e.g. for a plan that does not exist). Nothing is recorded. */
public class TargetRefusedException extends RefusedException {

    public TargetRefusedException(String code, String field, String message) {
        super(code, field, message);
    }
}
