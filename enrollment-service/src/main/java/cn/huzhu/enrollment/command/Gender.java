package cn.huzhu.enrollment.command;

public enum Gender { MALE, FEMALE }
