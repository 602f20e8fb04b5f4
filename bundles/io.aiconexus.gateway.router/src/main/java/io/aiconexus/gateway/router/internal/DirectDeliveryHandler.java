package io.aiconexus.gateway.router.internal;

import io.aiconexus.gateway.router.MessageContext;
import io.aiconexus.gateway.router.MessageHandler;

/** The built-in delivery: a frame for another agent goes to it unchanged. Replace it with a higher-ranked handler. */
final class DirectDeliveryHandler implements MessageHandler {

    @Override
    public boolean handle(MessageContext context) {
        context.forward(context.recipient());
        return true;
    }
}
