package dev.tenantfleet.tenantctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenantfleet.tenantctl.Context;
import dev.tenantfleet.tenantctl.api.ApiClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code --json FILE}: the answer as tenant-service sent it, plus {@code "exitCode"}; {@code -} is standard output. */
final class JsonFiles {
    /** The conventional file name for standard output. */
    static final String STANDARD_OUTPUT = "-";

    private JsonFiles() {}

    /** Writes {@code json} (an object, or nothing) plus {@code "exitCode"}; failing to write is only a warning. */
    static void write(Context ctx, Path file, JsonNode json, int exitCode) {
        if (file == null) {
            return;
        }
        ObjectNode node =
                json != null && json.isObject() ? ((ObjectNode) json).deepCopy() : ApiClient.MAPPER.createObjectNode();
        node.put("exitCode", exitCode);
        if (file.toString().equals(STANDARD_OUTPUT)) {
            try {
                ctx.data()
                        .println(ApiClient.MAPPER
                                .writerWithDefaultPrettyPrinter()
                                .writeValueAsString(node));
                ctx.data().flush();
            } catch (IOException e) {
                ctx.err().println("warning: cannot write the JSON answer: " + e.getMessage());
            }
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.write(file, ApiClient.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        } catch (IOException e) {
            ctx.err().println("warning: cannot write " + file + ": " + e.getMessage());
            ctx.err().flush();
        }
    }
}
