-- Idempotency-Keys are kept per caller by every service alike, in schema idempotency (platform-security's migrations).
drop table idempotency_record;
