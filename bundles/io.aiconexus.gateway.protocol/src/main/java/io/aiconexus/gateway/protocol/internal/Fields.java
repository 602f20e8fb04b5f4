package io.aiconexus.gateway.protocol.internal;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.ProtocolException;

/**
 * Typed reads of one member of a JSON object, failing with MALFORMED_MESSAGE naming
 * {@code prefix + key} (prefix {@code ""} for the envelope, {@code "payload."} for the payload).
 * The name is only built on failure: valid frames pay no string concatenation.
 *
 * <p>"Optional" means absent or JSON {@code null}; both read as {@code null}.
 */
final class Fields {

    private Fields() {
    }

    static String requiredString(ObjectNode object, String prefix, String key) throws ProtocolException {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            throw ProtocolException.malformed(prefix + key, prefix + key + " is required");
        }
        return string(value, prefix, key);
    }

    static String optionalString(ObjectNode object, String prefix, String key) throws ProtocolException {
        JsonNode value = object.get(key);
        return value == null || value.isNull() ? null : string(value, prefix, key);
    }

    static ObjectNode requiredObject(ObjectNode object, String prefix, String key) throws ProtocolException {
        JsonNode value = object.get(key);
        if (value == null || !value.isObject()) {
            throw ProtocolException.malformed(prefix + key, prefix + key + " must be a JSON object");
        }
        return (ObjectNode) value;
    }

    static ObjectNode optionalObject(ObjectNode object, String prefix, String key) throws ProtocolException {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw ProtocolException.malformed(prefix + key, prefix + key + " must be a JSON object");
        }
        return (ObjectNode) value;
    }

    /** Any number with an integral value that fits a long: {@code 5000}, {@code 5000.0}, {@code 5e3}. */
    static Long optionalLong(ObjectNode object, String prefix, String key) throws ProtocolException {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isFloatingPointNumber() && Double.isFinite(value.doubleValue())) {
            try {
                // longValueExact fails fast on huge exponents: it checks precision - scale first
                return toDecimal(value).longValueExact();
            } catch (ArithmeticException e) {
                // not integral or out of range: reported below
            }
        }
        throw ProtocolException.malformed(prefix + key, prefix + key + " must be an integer");
    }

    static Double optionalNumber(ObjectNode object, String prefix, String key) throws ProtocolException {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw ProtocolException.malformed(prefix + key, prefix + key + " must be a number");
        }
        return value.doubleValue();
    }

    static boolean optionalBoolean(ObjectNode object, String prefix, String key) throws ProtocolException {
        JsonNode value = object.get(key);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ProtocolException.malformed(prefix + key, prefix + key + " must be true or false");
        }
        return value.booleanValue();
    }

    private static String string(JsonNode value, String prefix, String key) throws ProtocolException {
        if (!value.isTextual()) {
            throw ProtocolException.malformed(prefix + key, prefix + key + " must be a string");
        }
        return value.textValue();
    }

    private static BigDecimal toDecimal(JsonNode value) {
        return value.isBigDecimal() ? value.decimalValue() : BigDecimal.valueOf(value.doubleValue());
    }
}
