/**
 * The Java agent SDK of the AIConexus Gateway: put an agent on the network in a few lines.
 *
 * <p>{@link io.aiconexus.gateway.sdk.GatewayClient} connects over WebSocket offering {@code ioap.v1},
 * registers the agent's did:key, signs every frame it sends and verifies every frame it receives
 * (the gateway's and other agents'), reconnects with exponential backoff and jitter, and queues
 * frames sent while it is disconnected. {@link io.aiconexus.gateway.sdk.Messages} builds the frames
 * of each message type, so no one writes envelope JSON by hand; {@link io.aiconexus.gateway.sdk.AgentKeys}
 * makes, saves and loads agent keys.
 *
 * <p>The SDK is a bundle and a plain jar: outside OSGi it needs the protocol and identity jars,
 * Jackson, Bouncy Castle and slf4j-api on the class path (its Maven dependencies).
 */
@Export(substitution = Export.Substitution.PROVIDER)
@Version("1.0.0")
package io.aiconexus.gateway.sdk;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
