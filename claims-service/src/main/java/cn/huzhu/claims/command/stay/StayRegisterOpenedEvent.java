package cn.huzhu.claims.command.stay;

import cn.huzhu.vocabulary.MemberId;

public record StayRegisterOpenedEvent(RegisterId registerId, MemberId memberId) {}
