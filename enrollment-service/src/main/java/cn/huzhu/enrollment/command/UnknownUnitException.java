package cn.huzhu.enrollment.command;

public class UnknownUnitException extends RuntimeException {

    public UnknownUnitException(String unitId) {
        super("There is no unit " + unitId);
    }
}
