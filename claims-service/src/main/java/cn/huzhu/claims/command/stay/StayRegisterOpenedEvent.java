package cn.huzhu.claims.command.stay;

public record StayRegisterOpenedEvent(String registerId, String memberId) {}
