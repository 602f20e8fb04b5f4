package io.aiconexus.gateway.protocol.internal;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.protocol.ProtocolException;
import io.aiconexus.gateway.protocol.payload.ErrorPayload;
import io.aiconexus.gateway.protocol.payload.ExecRequestPayload;
import io.aiconexus.gateway.protocol.payload.ExecResponsePayload;
import io.aiconexus.gateway.protocol.payload.IceCandidatePayload;
import io.aiconexus.gateway.protocol.payload.IntentPayload;
import io.aiconexus.gateway.protocol.payload.PingPayload;
import io.aiconexus.gateway.protocol.payload.PongPayload;
import io.aiconexus.gateway.protocol.payload.RegisterPayload;
import io.aiconexus.gateway.protocol.payload.SdpPayload;
import io.aiconexus.gateway.protocol.payload.UnregisterPayload;

/**
 * The per-type payload schemas. Validating and reading are one code path: a frame is valid when its
 * typed payload can be read, so the two cannot drift apart.
 */
final class PayloadReaders {
    private static final String P = "payload.";
    private static final UnregisterPayload UNREGISTER = new UnregisterPayload();

    /** Which envelope types each payload record reads. */
    private static final Map<Class<?>, Set<MessageType>> TYPES = Map.of(
            RegisterPayload.class, EnumSet.of(MessageType.REGISTER),
            UnregisterPayload.class, EnumSet.of(MessageType.UNREGISTER),
            SdpPayload.class, EnumSet.of(MessageType.OFFER, MessageType.ANSWER),
            IceCandidatePayload.class, EnumSet.of(MessageType.ICE_CANDIDATE),
            IntentPayload.class, EnumSet.of(MessageType.INTENT),
            ExecRequestPayload.class, EnumSet.of(MessageType.EXEC_REQUEST),
            ExecResponsePayload.class, EnumSet.of(MessageType.EXEC_RESPONSE),
            ErrorPayload.class, EnumSet.of(MessageType.ERROR),
            PingPayload.class, EnumSet.of(MessageType.PING),
            PongPayload.class, EnumSet.of(MessageType.PONG));

    private PayloadReaders() {
    }

    /** The envelope types {@code payloadType} reads, or null when it is not a payload record. */
    static Set<MessageType> typesOf(Class<?> payloadType) {
        return TYPES.get(payloadType);
    }

    /** Validates {@code payload} against the schema of {@code type} and returns its typed view. */
    static Object read(MessageType type, ObjectNode payload) throws ProtocolException {
        return switch (type) {
            case REGISTER -> new RegisterPayload(Fields.optionalString(payload, P, "public_key"),
                    CapabilityReader.read(payload), Fields.optionalObject(payload, P, "metadata"));
            case UNREGISTER -> UNREGISTER;
            case OFFER, ANSWER -> new SdpPayload(Fields.requiredString(payload, P, "sdp"));
            case ICE_CANDIDATE -> iceCandidate(payload);
            case INTENT -> intent(payload);
            case EXEC_REQUEST -> new ExecRequestPayload(Fields.optionalString(payload, P, "capability"),
                    Fields.optionalObject(payload, P, "args"), timeout(payload),
                    Fields.optionalBoolean(payload, P, "stream"));
            case EXEC_RESPONSE -> new ExecResponsePayload(Fields.optionalString(payload, P, "status"),
                    payload.get("result"), Fields.optionalNumber(payload, P, "execution_time_ms"));
            case ERROR -> new ErrorPayload(Fields.requiredString(payload, P, "code"),
                    Fields.requiredString(payload, P, "message"), Fields.optionalObject(payload, P, "details"));
            case PING -> new PingPayload(Fields.optionalLong(payload, P, "sequence"));
            case PONG -> new PongPayload(Fields.optionalLong(payload, P, "sequence"));
        };
    }

    private static IceCandidatePayload iceCandidate(ObjectNode payload) throws ProtocolException {
        String candidate = Fields.requiredString(payload, P, "candidate");
        String sdpMid = Fields.optionalString(payload, P, "sdp_mid");
        Long index = Fields.optionalLong(payload, P, "sdp_mline_index");
        if (index != null && (index < 0 || index > Integer.MAX_VALUE)) {
            throw ProtocolException.malformed(P + "sdp_mline_index", "payload.sdp_mline_index must be a media line index");
        }
        return new IceCandidatePayload(candidate, sdpMid, index == null ? null : index.intValue());
    }

    private static IntentPayload intent(ObjectNode payload) throws ProtocolException {
        Fields.optionalString(payload, P, "capability");
        return new IntentPayload(Fields.optionalString(payload, P, "query"),
                Fields.optionalString(payload, P, "context"), Fields.optionalString(payload, P, "task"),
                Fields.optionalObject(payload, P, "params"));
    }

    private static Long timeout(ObjectNode payload) throws ProtocolException {
        Long timeout = Fields.optionalLong(payload, P, "timeout_ms");
        if (timeout != null && timeout <= 0) {
            throw ProtocolException.malformed(P + "timeout_ms", "payload.timeout_ms must be a positive integer");
        }
        return timeout;
    }
}
