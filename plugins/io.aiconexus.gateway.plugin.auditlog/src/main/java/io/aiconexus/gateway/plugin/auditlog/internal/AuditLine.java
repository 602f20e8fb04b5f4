package io.aiconexus.gateway.plugin.auditlog.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.aiconexus.gateway.router.RoutingEvent;

/** The JSON line of one routing decision, and of a gap left by a full queue. */
final class AuditLine {
    private static final JsonFactory JSON = new JsonFactory();

    private AuditLine() {
    }

    /**
     * {@code {"time","id","type","from","to","recipient","outcome","code","by"}}: every field of the
     * event, in that order, nulls written as null so that every line has the same keys.
     */
    static String of(RoutingEvent event) {
        return write(json -> {
            json.writeStringField("time", event.time().toString());
            json.writeStringField("id", event.id());
            json.writeStringField("type", event.type() == null ? null : event.type().name());
            json.writeStringField("from", event.from());
            json.writeStringField("to", event.to());
            json.writeStringField("recipient", event.recipient());
            json.writeStringField("outcome", event.outcome() == null ? null : event.outcome().name());
            json.writeStringField("code", event.code());
            json.writeStringField("by", event.by());
        });
    }

    /** {@code {"time","dropped"}}: so many decisions were not written because the queue was full. */
    static String dropped(Instant time, long count) {
        return write(json -> {
            json.writeStringField("time", time.toString());
            json.writeNumberField("dropped", count);
        });
    }

    private static String write(Fields fields) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("writing JSON to a string failed", e);
        }
        return out.toString();
    }

    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }
}
