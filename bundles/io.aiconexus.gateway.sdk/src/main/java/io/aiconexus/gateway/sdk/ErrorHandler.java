package io.aiconexus.gateway.sdk;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of everything that went wrong that no method call returned: frames refused because their
 * signature fails, ERROR frames that answer no pending request, lost connections, handlers that
 * threw, queued frames dropped. Called on the client's dispatch thread, in order.
 */
@ConsumerType
@FunctionalInterface
public interface ErrorHandler {

    void onError(ClientError error);
}
