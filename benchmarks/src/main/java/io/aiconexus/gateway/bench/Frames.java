package io.aiconexus.gateway.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.EnvelopeSigner;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * The frames agents typically send: WebRTC signaling with an SDP of a few hundred bytes, built and
 * signed with the platform's own codec and signer, exactly as this project's clients do.
 */
public final class Frames {
    /** The SDP size of a typical OFFER (a data-channel-only session description). */
    public static final int TYPICAL_SDP_BYTES = 300;

    /** A data-channel SDP as browsers write it; padded with attribute lines to reach a given size. */
    private static final String SDP_HEAD = "v=0\r\n"
            + "o=- 46117314%s 2 IN IP4 127.0.0.1\r\n"
            + "s=-\r\n"
            + "t=0 0\r\n"
            + "m=application 9 UDP/DTLS/SCTP webrtc-datachannel\r\n"
            + "c=IN IP4 0.0.0.0\r\n"
            + "a=ice-ufrag:EsAw\r\n"
            + "a=ice-pwd:bP+XJMM09aR8AiX1jdukzR6Y\r\n"
            + "a=fingerprint:sha-256 D2:FA:0E:C3:22:59:5E:14:95:69:92:3D:13:B4:84:24\r\n"
            + "a=setup:actpass\r\n"
            + "a=mid:0\r\n";
    private static final String SDP_TAIL = "a=sctp-port:5000\r\n";

    private Frames() {
    }

    /**
     * An SDP of exactly {@code bytes} ASCII characters, or the minimal one (287 characters) when
     * {@code bytes} is smaller; padded with {@code a=x-pad} lines as a long candidate list would be.
     */
    public static String sdp(int bytes) {
        int room = bytes - (SDP_HEAD.length() - 2) - SDP_TAIL.length();
        // fewer than 10 characters cannot make a line: they lengthen the session id instead
        StringBuilder sdp = new StringBuilder(Math.max(bytes, 512))
                .append(String.format(SDP_HEAD, room > 0 && room < 10 ? "7".repeat(room) : ""));
        while (room >= 10) {
            // "a=x-pad:" + filler + CRLF; keep the last line at 10 characters at least
            int line = room >= 90 ? 80 : room;
            sdp.append("a=x-pad:").append("x".repeat(line - 10)).append("\r\n");
            room -= line;
        }
        return sdp.append(SDP_TAIL).toString();
    }

    /** A signed frame of {@code type} from {@code sender} to {@code to}, with a fresh id and timestamp. */
    public static String signed(EnvelopeCodec codec, EnvelopeSigner signer, AgentIdentity sender, MessageType type,
            String to, String correlationId, ObjectNode payload) {
        ObjectNode envelope = codec.newEnvelope(type, sender.did(), to, correlationId, payload);
        return codec.write(signer.sign(sender, envelope));
    }

    /** A signed OFFER carrying {@code sdp}. */
    public static String offer(EnvelopeCodec codec, EnvelopeSigner signer, AgentIdentity sender, String to, String sdp) {
        return signed(codec, signer, sender, MessageType.OFFER, to, null, codec.objectNode().put("sdp", sdp));
    }

    /** A signed REGISTER to the sender's own DID, carrying its public key as the seed SDK sends it. */
    public static String register(EnvelopeCodec codec, EnvelopeSigner signer, AgentIdentity sender) {
        return signed(codec, signer, sender, MessageType.REGISTER, sender.did(), null,
                codec.objectNode().put("public_key", sender.publicKeyBase58()));
    }
}
