package io.aiconexus.gateway.identity.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.identity.Identities;

/**
 * The gateway's own identity: loaded from its key file, or made and saved there at first start,
 * so the gateway's DID survives restarts.
 */
@Component(service = AgentIdentity.class, configurationPid = GatewayIdentity.PID,
        property = AgentIdentity.ROLE + "=" + AgentIdentity.GATEWAY)
@Designate(ocd = GatewayIdentityConfig.class)
public class GatewayIdentity implements AgentIdentity {
    static final String PID = "io.aiconexus.gateway.identity";
    static final String DATA_DIR_PROPERTY = "aiconexus.data";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayIdentity.class);

    private final AgentIdentity identity;

    @Activate
    public GatewayIdentity(@Reference Identities identities, BundleContext context, GatewayIdentityConfig config) {
        Path file = keyFile(context, config);
        boolean existed = Files.exists(file);
        try {
            identity = identities.loadOrCreate(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load or create the gateway key file " + file, e);
        }
        LOG.info("Gateway identity {} ({} {})", identity.did(), existed ? "loaded from" : "created in", file);
    }

    static Path keyFile(BundleContext context, GatewayIdentityConfig config) {
        if (!config.keyFile().isBlank()) {
            return Path.of(config.keyFile());
        }
        String dataDir = context.getProperty(DATA_DIR_PROPERTY);
        return Path.of(dataDir == null || dataDir.isBlank() ? "data" : dataDir, "gateway-identity.json");
    }

    @Override
    public String did() {
        return identity.did();
    }

    @Override
    public byte[] publicKey() {
        return identity.publicKey();
    }

    @Override
    public String publicKeyBase58() {
        return identity.publicKeyBase58();
    }

    @Override
    public byte[] sign(byte[] message) {
        return identity.sign(message);
    }
}
