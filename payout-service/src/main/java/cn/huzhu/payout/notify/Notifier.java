package cn.huzhu.payout.notify;

/** The port to the SMS gateway: one text message to one phone. */
public interface Notifier {

    void send(String phone, String message);
}
