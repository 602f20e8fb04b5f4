package io.aiconexus.gateway.plugin.echoagent.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the echo agent can do. {@code echo}: the result is {@code args}, unchanged. {@code time}:
 * the current time, in UTC or in the IANA zone named by {@code args.zone}.
 */
final class EchoCapabilities {
    static final String ECHO = "echo";
    static final String TIME = "time";
    static final List<String> NAMES = List.of(ECHO, TIME);
    static final String SUCCESS = "success";
    static final String ERROR = "error";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Clock clock;

    EchoCapabilities(Clock clock) {
        this.clock = clock;
    }

    /** The outcome of one request: {@code status} and {@code result} of the EXEC_RESPONSE. */
    record Outcome(String status, JsonNode result) {
    }

    /**
     * Runs {@code capability} with {@code args} (never null). A missing or unknown capability, or a
     * bad argument, is an {@code error} outcome whose result says why.
     */
    Outcome execute(String capability, ObjectNode args) {
        if (capability == null) {
            return failure("no capability named: put it in payload.capability (or payload.args.capability)");
        }
        return switch (capability) {
            case ECHO -> new Outcome(SUCCESS, args);
            case TIME -> time(args);
            default -> failure("unknown capability '" + capability + "'");
        };
    }

    private Outcome time(ObjectNode args) {
        JsonNode zoneArg = args.get("zone");
        ZoneId zone = ZoneOffset.UTC;
        if (zoneArg != null && !zoneArg.isNull()) {
            try {
                zone = ZoneId.of(zoneArg.asText());
            } catch (DateTimeException e) {
                return failure("args.zone: unknown time zone '" + zoneArg.asText() + "'");
            }
        }
        var now = clock.instant();
        ObjectNode result = JSON.objectNode();
        result.put("time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.atZone(zone)));
        result.put("zone", zone.getId());
        result.put("epoch_ms", now.toEpochMilli());
        return new Outcome(SUCCESS, result);
    }

    private static Outcome failure(String message) {
        ObjectNode result = JSON.objectNode();
        result.put("error", message);
        result.putArray("capabilities").add(ECHO).add(TIME);
        return new Outcome(ERROR, result);
    }
}
