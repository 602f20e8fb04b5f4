package io.aiconexus.gateway.plugin.echoagent.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Clock;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.EnvelopeSigner;
import io.aiconexus.gateway.identity.EnvelopeVerifier;
import io.aiconexus.gateway.identity.Identities;
import io.aiconexus.gateway.protocol.EnvelopeCodec;
import io.aiconexus.gateway.transport.Transport;

/**
 * An agent that ships as a bundle. It has its own did:key (a key file in the data directory, so
 * the DID survives restarts and updates) and reaches the gateway the way every other agent does,
 * over a real WebSocket to the transport's address: the gateway treats it like any agent, and the
 * bundle depends only on exported APIs. Capabilities: {@code echo} and {@code time}.
 */
@Component(immediate = true, configurationPid = EchoAgent.PID)
@Designate(ocd = EchoAgentConfig.class)
public class EchoAgent {
    static final String PID = "io.aiconexus.gateway.plugin.echoagent";
    /** Framework property naming the gateway's data directory. */
    static final String DATA_PROPERTY = "aiconexus.data";
    private static final Logger LOG = LoggerFactory.getLogger(EchoAgent.class);

    private final GatewayLink link;

    @Activate
    public EchoAgent(BundleContext context, @Reference Transport transport, @Reference EnvelopeCodec codec,
            @Reference EnvelopeSigner signer, @Reference EnvelopeVerifier verifier, @Reference Identities identities,
            EchoAgentConfig config) {
        Path keyFile = keyFile(config.keyFile(), context.getProperty(DATA_PROPERTY));
        AgentIdentity identity;
        try {
            identity = identities.loadOrCreate(keyFile);
        } catch (IOException e) {
            throw new UncheckedIOException("the echo agent cannot read or create its key file " + keyFile, e);
        }
        ObjectNode register = codec.objectNode();
        register.put("public_key", identity.publicKeyBase58());
        ArrayNode capabilities = register.putArray("capabilities");
        capabilities.addObject().put("name", EchoCapabilities.ECHO)
                .put("description", "Returns payload.args unchanged as the result.");
        capabilities.addObject().put("name", EchoCapabilities.TIME)
                .put("description", "The current time: {time, zone, epoch_ms}; args.zone is an IANA zone (default UTC).");
        register.putObject("metadata").put("name", "echo-agent").put("kind", "in-process")
                .put("bundle", context.getBundle().getSymbolicName())
                .put("version", context.getBundle().getVersion().toString());
        ExecResponder responder = new ExecResponder(new EchoCapabilities(Clock.systemUTC()));
        AgentSession session = new AgentSession(identity, codec, verifier, responder, register);
        link = new GatewayLink(transport::address, identity, codec, signer, session, config.maxReconnectSeconds());
        link.start();
        LOG.info("Echo agent {} starting (key file {})", identity.did(), keyFile.toAbsolutePath());
    }

    @Deactivate
    void deactivate() {
        link.stop(5000);
    }

    /** The configured key file, or agents/echo-agent.json under the data directory (./data when unset). */
    static Path keyFile(String configured, String dataDirectory) {
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured.trim());
        }
        String data = dataDirectory == null || dataDirectory.isBlank() ? "data" : dataDirectory;
        return Paths.get(data, "agents", "echo-agent.json");
    }
}
