package io.aiconexus.gateway.sdk.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.sdk.ClientError;
import io.aiconexus.gateway.sdk.GatewayClient;
import io.aiconexus.gateway.sdk.Messages;

/**
 * What becomes of a verified frame on a registered connection: a copy is dropped, an answer
 * completes its request, a PING is answered, an ERROR is reported, and the rest goes to the handlers.
 */
final class Inbox {
    private static final Logger LOG = LoggerFactory.getLogger(Inbox.class);
    /** Ids remembered to recognise copies: far more than a sender re-sends after one reconnection. */
    private static final int REMEMBERED = 10_000;

    private final GatewayClient client;
    private final PendingRequests pending;
    private final Dispatcher dispatcher;
    private final Runnable replaced;
    private final SeenFrames seen = new SeenFrames(REMEMBERED);

    /** @param replaced called when the gateway says another connection took this DID over */
    Inbox(GatewayClient client, PendingRequests pending, Dispatcher dispatcher, Runnable replaced) {
        this.client = client;
        this.pending = pending;
        this.dispatcher = dispatcher;
        this.replaced = replaced;
    }

    void accept(Envelope envelope) {
        if (!seen.firstTime(envelope.from(), envelope.id())) {
            dispatcher.error(new ClientError(ClientError.Kind.DUPLICATE_FRAME, "dropped a copy of " + envelope.type()
                    + " " + envelope.id() + " from " + envelope.from(), envelope, envelope.text(), null));
            return;
        }
        if (pending.answer(envelope)) {
            return;
        }
        if (envelope.type() == MessageType.PING) {
            answer(envelope);
        } else if (envelope.type() == MessageType.ERROR) {
            report(envelope);
        }
        dispatcher.message(envelope, client);
    }

    private void answer(Envelope ping) {
        try {
            client.send(Messages.pong(ping));
        } catch (IllegalStateException e) {
            LOG.debug("PING {} not answered: {}", ping.id(), e.getMessage());
        }
    }

    private void report(Envelope error) {
        if (ErrorCode.CONNECTION_REFUSED.name().equals(Failures.errorCode(error))
                && "replaced".equals(error.payload().path("details").path("reason").asText())) {
            replaced.run();
        }
        dispatcher.error(new ClientError(ClientError.Kind.GATEWAY_ERROR, "ERROR from " + error.from() + ": "
                + Failures.errorText(error), error, error.text(), null));
    }
}
