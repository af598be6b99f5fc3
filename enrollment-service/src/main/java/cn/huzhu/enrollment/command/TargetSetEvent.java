package cn.huzhu.enrollment.command;

public record TargetSetEvent(String targetId, TargetScope scope, String unitId, String district, int year, String planId, int target) {
}
