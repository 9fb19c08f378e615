package dev.tenantfleet.service.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/**
 * Jackson's string reading, refusing strings that hold a NUL character ({@code \u0000}): no text column of PostgreSQL
 * can store one. Refused here, the error names the field (Jackson adds the path on the way out).
 */
class NulFreeStringDeserializer extends StringDeserializer {
    static final String NUL_MESSAGE = "must not contain a NUL character (\\u0000)";

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String value = super.deserialize(parser, context);
        if (value != null && value.indexOf('\0') >= 0) {
            throw InvalidFormatException.from(parser, NUL_MESSAGE, value.replace("\0", "\\u0000"), String.class);
        }
        return value;
    }
}
