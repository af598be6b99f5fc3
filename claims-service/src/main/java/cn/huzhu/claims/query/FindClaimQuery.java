package cn.huzhu.claims.query;

public record FindClaimQuery(String claimId) {}
