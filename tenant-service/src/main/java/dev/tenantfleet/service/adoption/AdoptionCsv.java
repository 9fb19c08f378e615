package dev.tenantfleet.service.adoption;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.tenantfleet.model.error.TenantErrorCode;
import dev.tenantfleet.model.error.TenantFleetException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an import in CSV (RFC 4180: comma separated, {@code "quoted, fields"} with {@code ""} for a quote, CRLF or LF)
 * with jackson-dataformat-csv.
 * The first line names the columns, in any order: {@code slug, name, server, database, username, password, status,
 * baseline_tag} (case, {@code _} and {@code -} do not matter; {@code role} and {@code user} mean username). Blank lines
 * and lines starting with {@code #} are skipped. A row with more fields than the header is reported, not guessed at.
 */
final class AdoptionCsv {
    static final List<String> COLUMNS =
            List.of("slug", "name", "server", "database", "username", "password", "status", "baseline_tag");
    static final List<String> REQUIRED = List.of("slug", "name", "database", "username");
    private static final Map<String, String> ALIASES = aliases();
    private static final CsvFactory CSV = CsvFactory.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.ALLOW_COMMENTS)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();

    private AdoptionCsv() {}

    /**
     * The rows of {@code text}.
     *
     * @throws TenantFleetException INVALID_REQUEST when the header is missing, names an unknown column or lacks a
     *                              required one, or a quote is never closed
     */
    static List<NumberedRequest> read(String text) {
        List<Record> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (records.isEmpty()) {
            throw invalid("the CSV is empty: its first line must name the columns, e.g. " + String.join(",", COLUMNS));
        }
        Record header = records.get(0);
        Map<Integer, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String raw = header.fields().get(i);
            String column = ALIASES.get(normalise(raw));
            if (column == null) {
                throw invalid(
                        "CSV line " + header.line() + ": unknown column '" + raw + "'; the columns are " + COLUMNS);
            }
            if (columns.containsValue(column)) {
                throw invalid("CSV line " + header.line() + ": column '" + column + "' appears twice");
            }
            columns.put(i, column);
        }
        List<String> missing =
                REQUIRED.stream().filter(c -> !columns.containsValue(c)).toList();
        if (!missing.isEmpty()) {
            throw invalid("CSV line " + header.line() + ": required column(s) " + missing + " missing; the columns are "
                    + COLUMNS + " (server, password, status and baseline_tag may be left out)");
        }
        List<NumberedRequest> rows = new ArrayList<>();
        for (Record record : records.subList(1, records.size())) {
            if (record.fields().size() > columns.size()) {
                rows.add(new NumberedRequest(
                        record.line(),
                        null,
                        "CSV line " + record.line() + " has "
                                + record.fields().size() + " fields but the header names " + columns.size()
                                + " columns (a comma in a value must be quoted: \"a, b\")"));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < record.fields().size(); i++) {
                String value = record.fields().get(i);
                if (value.indexOf('\0') >= 0) {
                    // PostgreSQL cannot hold it: refuse the file here rather than fail on whichever query meets it
                    throw invalid("CSV line " + record.line() + ", column '" + columns.get(i)
                            + "': a value must not contain a NUL character");
                }
                values.put(columns.get(i), value);
            }
            rows.add(new NumberedRequest(
                    record.line(),
                    new AdoptionRequest(
                            values.get("slug"),
                            values.get("name"),
                            values.get("server"),
                            values.get("database"),
                            values.get("username"),
                            values.get("password"),
                            values.get("status"),
                            values.get("baseline_tag")),
                    null));
        }
        return rows;
    }

    /** One CSV record and the line it starts on. */
    private record Record(int line, List<String> fields) {}

    /**
     * The records of {@code text} through Jackson's CSV parser: RFC 4180 quoting, unquoted values trimmed, {@code #}
     * comment lines and empty lines skipped, every row a list of fields (however many) with the line it starts on.
     */
    private static List<Record> records(String text) {
        List<Record> records = new ArrayList<>();
        int line = 1;
        try (CsvParser parser = CSV.createParser(text)) {
            List<String> fields = new ArrayList<>();
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token == JsonToken.START_ARRAY) {
                    // Without a schema every row is an array; the parser stands on the row's first line here.
                    fields = new ArrayList<>();
                    line = parser.currentLocation().getLineNr();
                } else if (token == JsonToken.VALUE_STRING) {
                    fields.add(parser.getText());
                } else if (token == JsonToken.END_ARRAY) {
                    add(records, line, fields);
                }
            }
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("Missing closing quote")) {
                throw invalid("CSV line " + line + ": a quoted field is never closed");
            }
            throw invalid("CSV line " + line + " cannot be read: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        return records;
    }

    private static void add(List<Record> records, int line, List<String> fields) {
        boolean blank = fields.stream().allMatch(String::isBlank);
        if (!blank && !fields.get(0).startsWith("#")) {
            records.add(new Record(line, List.copyOf(fields)));
        }
    }

    private static String normalise(String column) {
        return column.strip()
                .toLowerCase(Locale.ROOT)
                .replace("_", "")
                .replace("-", "")
                .replace(" ", "");
    }

    private static Map<String, String> aliases() {
        Map<String, String> aliases = new HashMap<>();
        COLUMNS.forEach(column -> aliases.put(normalise(column), column));
        aliases.put("role", "username");
        aliases.put("user", "username");
        aliases.put("displayname", "name");
        aliases.put("baseline", "baseline_tag");
        return Map.copyOf(aliases);
    }

    private static TenantFleetException invalid(String message) {
        return new TenantFleetException(TenantErrorCode.INVALID_REQUEST, message);
    }
}
