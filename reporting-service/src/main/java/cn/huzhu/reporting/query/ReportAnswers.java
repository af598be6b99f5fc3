package cn.huzhu.reporting.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The reports' answers, kept until the figures they are read from change. A dashboard asks the same few questions again
 * and again while the projections change a few times a minute, or not at all between a year's campaigns. Every change
 * (a committed poll of the district or target listeners, a recomputed summary, a rebuild swapped in) is counted in the
 * database ({@link ReportChanges}), whichever instance commits it; an answer is given again only while that count is
 * the one it was computed at. The count is read before computing, so an answer computed while a change committed is
 * not given again, and a report never shows a figure older than what was committed before it was asked.
 * {@code huzhu.reporting.answers-kept} (0: none) bounds how many distinct questions are kept, the least recently asked
 * going first.
 */
@Component
public class ReportAnswers {

    private final LongSupplier changes;
    private final int kept;
    private final Map<List<Object>, Answer> answers;

    private record Answer(long changes, Object value) {}

    @Autowired
    public ReportAnswers(ReportChanges changes, @Value("${huzhu.reporting.answers-kept:256}") int kept) {
        this(changes::count, kept);
    }

    ReportAnswers(LongSupplier changes, int kept) {
        this.changes = changes;
        this.kept = kept;
        this.answers = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Object>, Answer> eldest) {
                return size() > kept;
            }
        };
    }

    /**
     * The answer to {@code question} (the report's name and its parameters, nulls allowed), computed by {@code compute}
     * unless it was computed since the last change.
     */
    @SuppressWarnings("unchecked")
    public <T> T answer(Supplier<T> compute, Object... question) {
        if (kept <= 0) {
            return compute.get();
        }
        List<Object> key = java.util.Arrays.asList(question);
        long current = changes.getAsLong();
        synchronized (answers) {
            Answer known = answers.get(key);
            if (known != null && known.changes() == current) {
                return (T) known.value();
            }
        }
        T value = compute.get();
        synchronized (answers) {
            answers.put(key, new Answer(current, value));
        }
        return value;
    }
}
