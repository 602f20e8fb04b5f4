package io.aiconexus.gateway.protocol.payload;

/**
 * ICE_CANDIDATE: one WebRTC network candidate.
 *
 * @param candidate     {@code candidate}, never null
 * @param sdpMid        {@code sdp_mid}, or null
 * @param sdpMLineIndex {@code sdp_mline_index}, or null
 */
public record IceCandidatePayload(String candidate, String sdpMid, Integer sdpMLineIndex) {
}
