package cn.huzhu.payout.dispatch;

import java.time.Duration;

/**
 * How payouts are sent.
 *
 * @param senders          groups of transfers at the bank at once
 * @param groupSize        transfers sent to the bank in one request (recorded in one transaction)
 * @param statusCheckAfter how long a transfer without an outcome waits before its status is asked of the bank
 * @param maxAttempts      transfers tried per payout before it fails for good
 * @param firstRetry       wait after the first failure; doubled after each further one
 * @param pollInterval     how often the payouts due are looked for when there is nothing to do
 */
public record PayoutSettings(
        int senders,
        int groupSize,
        Duration statusCheckAfter,
        int maxAttempts,
        Duration firstRetry,
        Duration pollInterval) {}
