package io.aiconexus.gateway.sdk;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every {@link ClientState} change, in order, on the client's dispatch thread. When
 * {@link GatewayClient#connect()} returns, the listeners have already seen {@link ClientState#REGISTERED}.
 */
@ConsumerType
@FunctionalInterface
public interface StateListener {

    void stateChanged(ClientState previous, ClientState current);
}
