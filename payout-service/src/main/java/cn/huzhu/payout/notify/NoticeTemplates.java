package cn.huzhu.payout.notify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The notices' text, kept as data in {@code notices/templates.txt} (UTF-8, one {@code NOTICE = text} line each, {@code {name}}
 * placeholders). Rendering a notice fills every placeholder of its text and refuses a missing or an unused value, so a
 * template and the code that fills it cannot drift apart unnoticed.
 */
public final class NoticeTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final Map<NoticeKind, String> texts;

    NoticeTemplates(Map<NoticeKind, String> texts) {
        for (NoticeKind kind : NoticeKind.values()) {
            if (!texts.containsKey(kind)) {
                throw new IllegalStateException("No template for notice " + kind);
            }
        }
        this.texts = Map.copyOf(texts);
    }

    /** The templates on the class path ({@code notices/templates.txt}). */
    public static NoticeTemplates load() {
        try (InputStream in = NoticeTemplates.class.getResourceAsStream("/notices/templates.txt")) {
            if (in == null) {
                throw new IllegalStateException("notices/templates.txt is not on the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static NoticeTemplates parse(BufferedReader lines) throws IOException {
        Map<NoticeKind, String> texts = new EnumMap<>(NoticeKind.class);
        String line;
        while ((line = lines.readLine()) != null) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            int equals = stripped.indexOf('=');
            if (equals < 0) {
                throw new IllegalStateException("A template line is NOTICE = text: " + stripped);
            }
            NoticeKind kind = NoticeKind.valueOf(stripped.substring(0, equals).strip());
            if (texts.put(kind, stripped.substring(equals + 1).strip()) != null) {
                throw new IllegalStateException("Two templates for notice " + kind);
            }
        }
        return new NoticeTemplates(texts);
    }

    /** The placeholders of a notice's text, in order. */
    public Set<String> placeholders(NoticeKind kind) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(texts.get(kind));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The notice's text with {@code values} filled in; every placeholder must have a value and every value a placeholder. */
    public String render(NoticeKind kind, Map<String, String> values) {
        Set<String> wanted = placeholders(kind);
        if (!wanted.equals(values.keySet())) {
            throw new IllegalArgumentException("Notice " + kind + " takes " + wanted + ", given " + values.keySet());
        }
        Matcher m = PLACEHOLDER.matcher(texts.get(kind));
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(text, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(text);
        return text.toString();
    }
}
