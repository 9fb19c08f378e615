package dev.tenantfleet.model.envelope;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.AnnotatedClassResolver;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tenantfleet.model.error.MessageErrorCode;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads and writes CloudEvents 1.0 structured JSON for one family of payloads (a sealed interface).
 * Reading is strict: bad JSON, another specversion, an unknown {@code type}, a missing field or a field
 * of the wrong type all end in a {@link MessageFormatException} with its code, never in a null-filled record.
 *
 * @param <T> the sealed payload family, e.g. {@code TenantEvent}
 */
public final class CloudEventCodec<T> {
    private final Map<String, Class<? extends T>> typesByName;
    private final ObjectMapper mapper = Json.mapper();

    /**
     * @param family the sealed interface of the payloads; its {@link JsonSubTypes} name every accepted CloudEvents
     *               {@code type} and the record it carries
     */
    public CloudEventCodec(Class<T> family) {
        this.typesByName = typesOf(family);
    }

    /**
     * Every CloudEvents {@code type} of {@code family} and the record it carries: the named {@link JsonSubTypes} of the
     * interface, resolved by Jackson's subtype resolver. The type travels in the envelope, beside {@code data}, not in
     * the payload, so the payloads carry no {@code JsonTypeInfo}: their JSON is the same wherever they are written.
     */
    public static <T> Map<String, Class<? extends T>> typesOf(Class<T> family) {
        DeserializationConfig config = Json.mapper().getDeserializationConfig();
        AnnotatedClass annotated = AnnotatedClassResolver.resolveWithoutSuperTypes(config, family);
        Map<String, Class<? extends T>> types = new HashMap<>();
        for (NamedType type : Json.mapper().getSubtypeResolver().collectAndResolveSubtypesByTypeId(config, annotated)) {
            if (type.hasName() && type.getType() != family) {
                types.put(type.getName(), type.getType().asSubclass(family));
            }
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException(family.getName() + " names no CloudEvents types (@JsonSubTypes)");
        }
        return Map.copyOf(types);
    }

    /** The structured JSON of {@code event}, UTF-8. */
    public byte[] encode(CloudEvent<? extends T> event) {
        return write(event);
    }

    /** The structured JSON of {@code event} of any family, UTF-8 (writing needs no type registry). */
    public static byte[] write(CloudEvent<?> event) {
        ObjectMapper mapper = Json.mapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("specversion", CloudEvent.SPEC_VERSION);
        node.put("id", event.id());
        node.put("source", event.source().toString());
        node.put("type", event.type());
        node.put("time", event.time().toString());
        if (event.subject() != null) {
            node.put("subject", event.subject());
        }
        node.put("datacontenttype", CloudEvent.DATA_CONTENT_TYPE);
        node.set("data", mapper.valueToTree(event.data()));
        try {
            return mapper.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.type(), e);
        }
    }

    /** Reads one message body. */
    public CloudEvent<T> decode(byte[] body) {
        JsonNode root = parse(body);
        String specVersion = requiredText(root, "specversion");
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new MessageFormatException(
                    MessageErrorCode.UNSUPPORTED_SPEC_VERSION,
                    "specversion '" + specVersion + "' is not supported, expected 1.0");
        }
        String type = requiredText(root, "type");
        Class<? extends T> payloadType = typesByName.get(type);
        if (payloadType == null) {
            throw new MessageFormatException(
                    MessageErrorCode.UNKNOWN_TYPE,
                    "unknown event type '" + type + "'; accepted: "
                            + typesByName.keySet().stream().sorted().collect(Collectors.joining(", ")));
        }
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new MessageFormatException(MessageErrorCode.MISSING_FIELD, "'data' must be a JSON object");
        }
        return new CloudEvent<>(
                requiredText(root, "id"),
                uri(requiredText(root, "source")),
                type,
                instant(requiredText(root, "time")),
                optionalText(root, "subject"),
                payload(data, payloadType));
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode root = mapper.readTree(body);
            if (root == null || !root.isObject()) {
                throw new MessageFormatException(MessageErrorCode.MALFORMED_JSON, "the body is not a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new MessageFormatException(
                    MessageErrorCode.MALFORMED_JSON, "the body is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MessageFormatException(
                    MessageErrorCode.MALFORMED_JSON, "the body could not be read: " + e.getMessage(), e);
        }
    }

    private <P extends T> P payload(JsonNode data, Class<P> payloadType) {
        try {
            return mapper.treeToValue(data, payloadType);
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new MessageFormatException(MessageErrorCode.MISSING_FIELD, "data: " + cause.getMessage(), e);
        } catch (InvalidFormatException e) {
            throw new MessageFormatException(
                    MessageErrorCode.WRONG_FIELD_TYPE,
                    "data." + path(e) + ": value " + e.getValue() + " is not a valid "
                            + e.getTargetType().getSimpleName(),
                    e);
        } catch (MismatchedInputException e) {
            throw new MessageFormatException(
                    MessageErrorCode.WRONG_FIELD_TYPE, "data." + path(e) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MessageFormatException(MessageErrorCode.WRONG_FIELD_TYPE, "data: " + e.getMessage(), e);
        }
    }

    private static String path(MismatchedInputException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new MessageFormatException(MessageErrorCode.MISSING_FIELD, "'" + field + "' is required");
        }
        if (!node.isTextual()) {
            throw new MessageFormatException(MessageErrorCode.WRONG_FIELD_TYPE, "'" + field + "' must be a string");
        }
        return node.textValue();
    }

    private static String optionalText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MessageFormatException(MessageErrorCode.WRONG_FIELD_TYPE, "'" + field + "' must be a string");
        }
        return node.textValue();
    }

    private static URI uri(String value) {
        try {
            return URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new MessageFormatException(MessageErrorCode.WRONG_FIELD_TYPE, "'source' is not a URI-reference", e);
        }
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new MessageFormatException(
                    MessageErrorCode.WRONG_FIELD_TYPE, "'time' is not an RFC 3339 timestamp", e);
        }
    }
}
