package io.aiconexus.gateway.protocol;

/** The eleven IoAP v1 message types. */
public enum MessageType {
    REGISTER(false),
    UNREGISTER(false),
    OFFER(true),
    ANSWER(true),
    ICE_CANDIDATE(true),
    INTENT(true),
    EXEC_REQUEST(true),
    EXEC_RESPONSE(true),
    ERROR(true),
    PING(true),
    PONG(true);

    private final boolean relayed;

    MessageType(boolean relayed) {
        this.relayed = relayed;
    }

    /** Whether the gateway relays this type from one agent to another (PROTOCOL.md section 6). */
    public boolean isRelayed() {
        return relayed;
    }

    /** The type named {@code name}, or {@code null} when no type has that wire name. */
    public static MessageType fromWire(String name) {
        for (MessageType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }
}
