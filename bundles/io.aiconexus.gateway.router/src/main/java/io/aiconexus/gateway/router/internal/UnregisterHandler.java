package io.aiconexus.gateway.router.internal;

import io.aiconexus.gateway.router.MessageContext;
import io.aiconexus.gateway.router.MessageHandler;

/** UNREGISTER to the gateway (or to oneself): the agent is gone at once and its connection closes normally. */
final class UnregisterHandler implements MessageHandler {

    @Override
    public boolean handle(MessageContext context) {
        context.unregisterSender();
        return true;
    }
}
