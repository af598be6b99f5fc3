package cn.huzhu.identity;

public enum Gender {
    MALE,
    FEMALE
}
