package dev.tenantfleet.testsupport;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;

/**
 * An in-memory handler on one log category of the running application: keeps every record with the MDC it was
 * logged under (copied at once: the logging thread goes back to its pool and its MDC changes). Close to detach.
 */
public final class CapturedLogs extends Handler implements AutoCloseable {
    /** One captured line; {@code thrown} is the class of the exception logged with it, null when none. */
    public record Line(String logger, String message, Map<String, String> mdc, String thrown) {}

    private final Logger logger;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private CapturedLogs(String category) {
        this.logger = LogContext.getLogContext().getLogger(category);
        logger.addHandler(this);
    }

    /** Starts capturing {@code category} and everything below it. */
    public static CapturedLogs of(String category) {
        return new CapturedLogs(category);
    }

    /** Every line captured so far whose message mentions {@code text}. */
    public List<Line> mentioning(String text) {
        return lines.stream().filter(line -> line.message().contains(text)).toList();
    }

    /** Every line captured so far. */
    public List<Line> all() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        ExtLogRecord ext = ExtLogRecord.wrap(record);
        lines.add(new Line(
                ext.getLoggerName(),
                ext.getFormattedMessage(),
                Map.copyOf(ext.getMdcCopy()),
                ext.getThrown() == null ? null : ext.getThrown().getClass().getName()));
    }

    @Override
    public void flush() {
        // nothing buffered
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
