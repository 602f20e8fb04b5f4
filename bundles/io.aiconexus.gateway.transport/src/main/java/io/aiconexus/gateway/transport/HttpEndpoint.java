package io.aiconexus.gateway.transport;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An HTTP endpoint served by the transport on its port, registered as a whiteboard service
 * with {@link #PATH}. Used for {@code /health} and {@code /agents}; unknown paths get a JSON 404.
 */
@ConsumerType
public interface HttpEndpoint {

    /** Service property: the exact path served, e.g. {@code /health}; a trailing {@code /*} serves a prefix. */
    String PATH = "ioap.http.path";

    HttpResponse handle(HttpRequest request);
}
