package cn.huzhu.vocabulary;

/**
 * The id of one kind of thing (a member, a claim, a payout), so that a command or an event cannot take one for another.
 * An id is its text: records implementing this take the text as their one component, print as it, and are stored and
 * sent as that text alone (the event store's serializer writes them so), so typing an id never changes a stored event.
 */
public interface TypedId {

    /** The id's text, as stored and sent. */
    String value();

    /** The text of an id, refused when missing or blank. */
    static String require(String value, String kind) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(kind + " is required");
        }
        return value;
    }
}
