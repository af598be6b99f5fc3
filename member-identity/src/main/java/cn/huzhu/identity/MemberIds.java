package cn.huzhu.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Derives a member's id from the ID number with a keyed hash (HMAC-SHA256): one person is always one
 * member, the event store's uniqueness guarantees it without a lookup table, and the id reveals nothing
 * about the number to anyone without the deployment's key.
 */
public final class MemberIds {

    private final SecretKeySpec key;

    public MemberIds(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("The member id key needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public String of(IdNumber idNumber) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            ByteBuffer digest = ByteBuffer.wrap(mac.doFinal(idNumber.value().getBytes(StandardCharsets.US_ASCII)));
            long high = (digest.getLong() & ~0xF000L) | 0x8000L;
            long low = (digest.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(high, low).toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
