package io.aiconexus.gateway.protocol.payload;

/**
 * OFFER and ANSWER: a WebRTC session description.
 *
 * @param sdp {@code sdp}, never null
 */
public record SdpPayload(String sdp) {
}
