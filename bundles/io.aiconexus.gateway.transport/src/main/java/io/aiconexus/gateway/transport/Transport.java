package io.aiconexus.gateway.transport;

import java.net.URI;
import java.util.Collection;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** A running transport: where agents connect and who is connected. */
@ProviderType
public interface Transport {

    /** The WebSocket address agents use, e.g. {@code ws://127.0.0.1:8000/ws}, or {@code wss://…} with TLS. */
    URI address();

    /** The HTTP base address of the endpoints, e.g. {@code http://127.0.0.1:8000}, or {@code https://…} with TLS. */
    URI httpAddress();

    Collection<Connection> connections();

    Optional<Connection> connection(String id);

    /** Events held while no {@link ConnectionHandler} is present, summed over connections. */
    int bufferedEvents();
}
