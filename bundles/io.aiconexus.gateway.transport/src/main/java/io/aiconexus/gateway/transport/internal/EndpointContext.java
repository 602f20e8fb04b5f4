package io.aiconexus.gateway.transport.internal;

import java.util.function.IntSupplier;

/** What every socket endpoint shares; it outlives a server restart. */
record EndpointContext(ConnectionTable connections, HandlerDispatcher dispatcher, IntSupplier outboundQueueFrames,
        RefusalLog refusals) {
}
