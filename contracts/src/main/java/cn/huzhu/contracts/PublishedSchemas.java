package cn.huzhu.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/**
 * Every schema version ever published, kept as resources under {@code published/<Record>/v<N>.avsc} and
 * listed in {@code published/index.txt}. Records written with any of them stay readable.
 */
public final class PublishedSchemas {

    static final String ROOT = "published/";

    private PublishedSchemas() {}

    /** Published versions per record simple name, oldest first. */
    public static Map<String, List<Schema>> load() {
        Map<String, List<Schema>> versions = new LinkedHashMap<>();
        for (String entry : readResource("index.txt")
                .lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList()) {
            String record = entry.substring(0, entry.indexOf('/'));
            Schema schema = new Schema.Parser().parse(readResource(entry));
            versions.computeIfAbsent(record, k -> new ArrayList<>()).add(schema);
        }
        return versions;
    }

    private static String readResource(String name) {
        try (InputStream in = PublishedSchemas.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing published schema resource " + ROOT + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
