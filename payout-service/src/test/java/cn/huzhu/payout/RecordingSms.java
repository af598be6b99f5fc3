package cn.huzhu.payout;

import cn.huzhu.payout.notify.Notifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the SMS gateway (an edge we do not own) by a list of the messages it was given. */
@TestConfiguration
public class RecordingSms {

    @Bean
    @Primary
    Notifier recordingNotifier() {
        return (phone, text) -> PayoutTestSupport.SENT_SMS.add(new PayoutTestSupport.Sms(phone, text));
    }
}
