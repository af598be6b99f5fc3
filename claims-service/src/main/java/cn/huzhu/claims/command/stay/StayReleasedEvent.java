package cn.huzhu.claims.command.stay;

public record StayReleasedEvent(String registerId, String claimId) {}
