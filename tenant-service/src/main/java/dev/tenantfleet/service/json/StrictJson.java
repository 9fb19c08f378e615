package dev.tenantfleet.service.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * Reads request bodies as they are written: a value of the wrong JSON type is an error naming the field, never
 * converted. Jackson's defaults would turn {@code {"slug": true}} into a tenant called {@code true}, {@code "5432"} or
 * {@code 5432.9} into port 5432 and {@code 2} into the third status. Strings holding a NUL character are refused too:
 * PostgreSQL cannot store one, so it would otherwise end in a 500 on whichever statement met it first.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {
    @Override
    public void customize(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false); // "5432" -> int, "true" -> boolean
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true); // "port": null is not port 0
        // Text is not a "scalar" to ALLOW_COERCION_OF_SCALARS: numbers and booleans into strings need their own rule.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(new SimpleModule("tenant-fleet-strict-strings")
                .addDeserializer(String.class, new NulFreeStringDeserializer()));
    }
}
