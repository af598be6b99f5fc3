package cn.huzhu.enrollment.command.target;

public record TargetSetEvent(
        String targetId, TargetScope scope, String unitId, String district, int year, String planId, int target) {}
