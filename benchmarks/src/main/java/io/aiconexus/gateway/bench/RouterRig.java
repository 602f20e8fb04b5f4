package io.aiconexus.gateway.bench;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;

import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.monitoring.internal.AtomicGatewayMetrics;
import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.router.MessageHandler;
import io.aiconexus.gateway.transport.ConnectionHandler;
import io.aiconexus.gateway.verification.FrameVerifier;

/**
 * The gateway's frame path without a socket: the real {@code GatewayRouter} with its built-in
 * handlers, the real {@code SignatureFrameVerifier}, {@code InMemoryAgentRegistry} and metrics,
 * wired as SCR wires them in the runtime (see {@link ScrLike}).
 */
public final class RouterRig implements AutoCloseable {
    private static final String REGISTRY = "io.aiconexus.gateway.registry.internal.InMemoryAgentRegistry";
    private static final String REGISTRY_CONFIG = "io.aiconexus.gateway.registry.internal.RegistryConfig";
    private static final String VERIFIER = "io.aiconexus.gateway.verification.internal.SignatureFrameVerifier";
    private static final String VERIFIER_CONFIG = "io.aiconexus.gateway.verification.internal.VerifierConfig";
    private static final String ROUTER = "io.aiconexus.gateway.router.internal.GatewayRouter";
    private static final String ROUTER_CONFIG = "io.aiconexus.gateway.router.internal.RouterConfig";

    private final ConnectionHandler router;
    private final AgentRegistry registry;
    private final FrameVerifier verifier;

    private RouterRig(ConnectionHandler router, AgentRegistry registry, FrameVerifier verifier) {
        this.router = router;
        this.registry = registry;
        this.verifier = verifier;
    }

    /** A router verifying in {@code mode} (enforce, audit or off), every other setting at its default. */
    public static RouterRig start(Platform platform, String mode) {
        AgentRegistry registry = (AgentRegistry) ScrLike.construct(REGISTRY,
                ScrLike.configuration(REGISTRY_CONFIG, Map.of()));
        FrameVerifier verifier = (FrameVerifier) ScrLike.construct(VERIFIER, platform.envelopeVerifier,
                ScrLike.configuration(VERIFIER_CONFIG, Map.of("mode", mode)));
        AgentIdentity gateway = platform.identities.generate();
        ConnectionHandler router = (ConnectionHandler) ScrLike.construct(ROUTER, platform.codec, platform.didKeys,
                platform.signer, gateway, registry, verifier, ScrLike.configuration(ROUTER_CONFIG, Map.of()));
        ScrLike.invoke(router, "bindMetrics", new AtomicGatewayMetrics());
        ScrLike.invoke(router, "activate", whiteboard(router));
        return new RouterRig(router, registry, verifier);
    }

    public ConnectionHandler router() {
        return router;
    }

    public AgentRegistry registry() {
        return registry;
    }

    public FrameVerifier verifier() {
        return verifier;
    }

    @Override
    public void close() {
        ScrLike.invoke(router, "deactivate");
        ScrLike.invoke(verifier, "deactivate");
        ScrLike.invoke(registry, "deactivate");
    }

    /**
     * The router registers its built-in handlers (direct delivery, ping, unregister) as services and
     * receives them back through its handler whiteboard; this context closes that loop, with service
     * ids and rankings as the framework would give them.
     */
    private static BundleContext whiteboard(Object router) {
        AtomicLong serviceIds = new AtomicLong(1000);
        return (BundleContext) Proxy.newProxyInstance(RouterRig.class.getClassLoader(),
                new Class<?>[] { BundleContext.class }, (proxy, method, args) -> {
                    if (method.getName().equals("registerService") && args.length == 3
                            && args[1] instanceof MessageHandler handler) {
                        Map<String, Object> properties = properties((Dictionary<?, ?>) args[2]);
                        properties.put(Constants.SERVICE_ID, serviceIds.incrementAndGet());
                        ScrLike.invoke(router, "addHandler", handler, Collections.unmodifiableMap(properties));
                        return registration(router, handler);
                    }
                    switch (method.getName()) {
                        case "toString":
                            return "benchmark whiteboard context";
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new UnsupportedOperationException("the router now calls BundleContext."
                                    + method.getName() + ": teach RouterRig about it");
                    }
                });
    }

    private static ServiceRegistration<?> registration(Object router, MessageHandler handler) {
        return (ServiceRegistration<?>) Proxy.newProxyInstance(RouterRig.class.getClassLoader(),
                new Class<?>[] { ServiceRegistration.class }, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "unregister":
                            ScrLike.invoke(router, "removeHandler", handler);
                            return null;
                        case "toString":
                            return "registration of " + handler;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new UnsupportedOperationException("ServiceRegistration." + method.getName());
                    }
                });
    }

    private static Map<String, Object> properties(Dictionary<?, ?> dictionary) {
        Map<String, Object> properties = new HashMap<>();
        for (var keys = dictionary.keys(); keys.hasMoreElements();) {
            Object key = keys.nextElement();
            properties.put(String.valueOf(key), dictionary.get(key));
        }
        return properties;
    }
}
