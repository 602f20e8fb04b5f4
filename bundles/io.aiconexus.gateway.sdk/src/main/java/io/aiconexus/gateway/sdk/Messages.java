package io.aiconexus.gateway.sdk;

import java.time.Duration;
import java.util.Objects;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.sdk.internal.MessageCheck;

/**
 * Ready-made {@link Message}s for each IoAP v1 message type an agent sends. Replies take the frame
 * they answer, so that {@code to} and {@code correlation_id} are always right. Values given as
 * {@code Object} are converted to JSON as {@link Message.Builder#put} says. REGISTER and UNREGISTER
 * are not here: {@link GatewayClient} sends them itself.
 */
public final class Messages {
    /** The gateway's alias, valid in {@code to} whatever the gateway's own DID is. */
    public static final String GATEWAY = Envelope.GATEWAY_ALIAS;

    private Messages() {
    }

    /** OFFER: a WebRTC session description offered to {@code to}. */
    public static Message offer(String to, String sdp) {
        return Message.builder(MessageType.OFFER, to).put("sdp", sdp).build();
    }

    /** ANSWER to {@code offer}: goes to its sender, correlated to it. */
    public static Message answer(Envelope offer, String sdp) {
        return reply(MessageType.ANSWER, offer).put("sdp", sdp).build();
    }

    /** ANSWER to {@code to}, not correlated to an OFFER. */
    public static Message answer(String to, String sdp) {
        return Message.builder(MessageType.ANSWER, to).put("sdp", sdp).build();
    }

    /**
     * ICE_CANDIDATE: one network candidate.
     *
     * @param sdpMid        {@code sdp_mid}, or {@code null} to leave it out
     * @param sdpMLineIndex {@code sdp_mline_index}, or {@code null} to leave it out
     */
    public static Message iceCandidate(String to, String candidate, String sdpMid, Integer sdpMLineIndex) {
        Message.Builder builder = Message.builder(MessageType.ICE_CANDIDATE, to).put("candidate", candidate);
        if (sdpMid != null) {
            builder.put("sdp_mid", sdpMid);
        }
        if (sdpMLineIndex != null) {
            builder.put("sdp_mline_index", sdpMLineIndex);
        }
        return builder.build();
    }

    /** INTENT in structured mode: {@code task} with {@code params} (an object, or {@code null}). */
    public static Message intent(String to, String task, Object params) {
        Message.Builder builder = Message.builder(MessageType.INTENT, to).put("task", task);
        if (params != null) {
            builder.put("params", params);
        }
        return builder.build();
    }

    /** INTENT in natural-language mode: {@code query}, with {@code context} or {@code null}. */
    public static Message query(String to, String query, String context) {
        Message.Builder builder = Message.builder(MessageType.INTENT, to).put("query", query);
        if (context != null) {
            builder.put("context", context);
        }
        return builder.build();
    }

    /** EXEC_REQUEST to one agent: run with {@code args} (an object, or {@code null}). */
    public static Message execRequest(String to, Object args) {
        return execRequest(to, null, args, null);
    }

    /**
     * EXEC_REQUEST to one agent with a deadline in {@code timeout_ms}.
     *
     * @param timeout how long the requester waits; also the gateway's deadline for capability routing
     */
    public static Message execRequest(String to, Object args, Duration timeout) {
        return execRequest(to, null, args, timeout);
    }

    /** EXEC_REQUEST to whichever agent the gateway picks among those advertising {@code capability}. */
    public static Message execCapability(String capability, Object args, Duration timeout) {
        return execRequest(GATEWAY, Objects.requireNonNull(capability, "capability"), args, timeout);
    }

    private static Message execRequest(String to, String capability, Object args, Duration timeout) {
        Message.Builder builder = Message.builder(MessageType.EXEC_REQUEST, to);
        if (capability != null) {
            builder.put("capability", capability);
        }
        builder.put("args", args == null ? emptyObject() : args);
        if (timeout != null) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, not " + timeout);
            }
            builder.put("timeout_ms", timeout.toMillis());
        }
        builder.put("stream", false);
        return builder.build();
    }

    /** EXEC_RESPONSE with status {@code success} and {@code result}, answering {@code request}. */
    public static Message execResponse(Envelope request, Object result) {
        return execResponse(request, "success", result, null);
    }

    /**
     * EXEC_RESPONSE answering {@code request}.
     *
     * @param status          e.g. {@code success} or {@code error}
     * @param result          any JSON value, or {@code null}
     * @param executionTimeMs {@code execution_time_ms}, or {@code null} to leave it out
     */
    public static Message execResponse(Envelope request, String status, Object result, Double executionTimeMs) {
        Message.Builder builder = reply(MessageType.EXEC_RESPONSE, request).put("status", status).put("result", result);
        if (executionTimeMs != null) {
            builder.put("execution_time_ms", executionTimeMs);
        }
        return builder.build();
    }

    /** ERROR answering {@code cause}: tells its sender that it could not be served. */
    public static Message error(Envelope cause, ErrorCode code, String message) {
        return reply(MessageType.ERROR, cause).put("code", code.name()).put("message", message)
                .put("details", emptyObject()).build();
    }

    /** ERROR to {@code to} with any {@code code} (agents may use their own codes). */
    public static Message error(String to, String code, String message) {
        return Message.builder(MessageType.ERROR, to).put("code", code).put("message", message)
                .put("details", emptyObject()).build();
    }

    /** PING to {@code to} (an agent, or {@link #GATEWAY}) carrying {@code sequence}. */
    public static Message ping(String to, long sequence) {
        return Message.builder(MessageType.PING, to).put("sequence", sequence).build();
    }

    /** PONG answering {@code ping}, echoing its sequence. */
    public static Message pong(Envelope ping) {
        Message.Builder builder = reply(MessageType.PONG, ping);
        var sequence = ping.payload().get("sequence");
        if (sequence != null) {
            builder.put("sequence", sequence);
        }
        return builder.build();
    }

    private static Message.Builder reply(MessageType type, Envelope to) {
        Objects.requireNonNull(to, "the frame answered");
        return Message.builder(type, to.from()).correlationId(to.id());
    }

    private static Object emptyObject() {
        return MessageCheck.JSON.createObjectNode();
    }
}
