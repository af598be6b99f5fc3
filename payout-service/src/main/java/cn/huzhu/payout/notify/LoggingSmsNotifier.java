package cn.huzhu.payout.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SMS adapter of the local run: writes the message to the log, the phone masked. */
public class LoggingSmsNotifier implements Notifier {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsNotifier.class);

    @Override
    public void send(String phone, String message) {
        log.info("SMS to {}: {}", maskPhone(phone), message);
    }

    /** 138****1234: the first three and the last four digits. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 8) {
            return "****";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
