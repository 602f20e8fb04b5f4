package io.aiconexus.gateway.router.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.router.MessageContext;
import io.aiconexus.gateway.router.MessageHandler;

/** PING to the gateway: PONG with the PING's sequence, correlated to the PING's id. */
final class PingHandler implements MessageHandler {

    @Override
    public boolean handle(MessageContext context) {
        ObjectNode payload = context.newObject();
        JsonNode sequence = context.envelope().payload().get("sequence");
        if (sequence != null) {
            payload.set("sequence", sequence);
        }
        context.reply(MessageType.PONG, payload);
        return true;
    }
}
