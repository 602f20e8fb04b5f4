package io.aiconexus.gateway.console.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.discovery.AgentStatistics;
import io.aiconexus.gateway.discovery.AgentStats;
import io.aiconexus.gateway.identity.AgentIdentity;
import io.aiconexus.gateway.monitoring.GatewayMetrics;
import io.aiconexus.gateway.registry.AgentRegistry;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.router.RouterStatus;
import io.aiconexus.gateway.transport.Connection;
import io.aiconexus.gateway.transport.Transport;
import io.aiconexus.gateway.verification.FrameVerifier;
import io.aiconexus.gateway.verification.VerificationMode;

/**
 * What an operator sees of the gateway and may do to it, shared by the console page, its JSON and
 * the shell. Only the registry and Config Admin are required: while the router, the verifier or the
 * counters are being updated the console keeps working and says what is missing.
 */
@Component(service = GatewayOperations.class)
public class GatewayOperations {
    static final String VERIFICATION_PID = "io.aiconexus.gateway.verification";
    static final String MODE_PROPERTY = "mode";
    static final int OPERATOR_CLOSE_CODE = 1008;
    static final String OPERATOR_CLOSE_REASON = "disconnected by operator";
    private static final Logger LOG = LoggerFactory.getLogger(GatewayOperations.class);
    private static final Comparator<RegisteredAgent> OLDEST_FIRST = Comparator.comparing(RegisteredAgent::connectedAt)
            .thenComparing(RegisteredAgent::did);
    private static final long MODE_APPLY_TIMEOUT_MILLIS = 5000;

    private final AgentRegistry registry;
    private final ConfigurationAdmin configurationAdmin;
    private final FrameRates rates = new FrameRates(FrameRates.DEFAULT_WINDOW);
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "aiconexus-console-rate-sampler");
        thread.setDaemon(true);
        return thread;
    });

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile GatewayMetrics metrics;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile RouterStatus router;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile FrameVerifier verifier;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Transport transport;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AgentStatistics statistics;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = AgentIdentity.GATEWAY_TARGET)
    volatile AgentIdentity gateway;

    @Activate
    public GatewayOperations(@Reference(name = "registry") AgentRegistry registry,
            @Reference(name = "configurationAdmin") ConfigurationAdmin configurationAdmin) {
        this.registry = registry;
        this.configurationAdmin = configurationAdmin;
        sampler.scheduleAtFixedRate(this::sample, 0, 1, TimeUnit.SECONDS);
    }

    @Deactivate
    void deactivate() {
        sampler.shutdownNow();
    }

    /** What capability-routed requests taught about {@code did}; none while discovery is absent. */
    public AgentStats stats(String did) {
        AgentStatistics current = statistics;
        return current == null ? AgentStats.NONE : current.of(did);
    }

    /** Registered agents, oldest connection first. */
    public List<RegisteredAgent> agents() {
        List<RegisteredAgent> agents = new ArrayList<>(registry.agents());
        agents.sort(OLDEST_FIRST);
        return agents;
    }

    /**
     * The agent whose DID is {@code didOrPrefix}, or the only one whose DID starts with it (DIDs are
     * long to type in a shell).
     */
    public Lookup find(String didOrPrefix) {
        Optional<RegisteredAgent> exact = registry.byDid(didOrPrefix);
        if (exact.isPresent()) {
            return new Lookup(exact, 1);
        }
        List<RegisteredAgent> matches = agents().stream().filter(a -> a.did().startsWith(didOrPrefix)).toList();
        return new Lookup(matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty(), matches.size());
    }

    /** An agent looked up by DID or prefix; {@code matches} tells an unknown DID from an ambiguous prefix. */
    public record Lookup(Optional<RegisteredAgent> agent, int matches) {
    }

    /**
     * Removes the agent from the registry and closes its connection with 1008 "disconnected by
     * operator" (after the frames already queued for it).
     *
     * @return false when no agent with this exact DID is registered
     */
    public boolean disconnect(String did) {
        Optional<RegisteredAgent> found = registry.byDid(did);
        if (found.isEmpty()) {
            return false;
        }
        Connection connection = found.get().connection();
        if (!registry.unregister(did, connection)) {
            return false;
        }
        LOG.info("Agent {} ({}) disconnected by the operator", did, connection.remoteAddress());
        connection.close(OPERATOR_CLOSE_CODE, OPERATOR_CLOSE_REASON);
        return true;
    }

    /** The mode the verifier applies now; empty while no verifier is running. */
    public Optional<VerificationMode> mode() {
        FrameVerifier current = verifier;
        return current == null ? Optional.empty() : Optional.of(current.mode());
    }

    /**
     * Stores {@code wanted} in the verification configuration (so it survives restarts and shows in
     * the Configuration page) and waits, a few seconds at most, until the verifier applies it.
     *
     * @return the mode the verifier applies when this returns
     */
    public Optional<VerificationMode> changeMode(VerificationMode wanted) throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(VERIFICATION_PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        properties.put(MODE_PROPERTY, wanted.name().toLowerCase(Locale.ROOT));
        configuration.update(properties);
        LOG.info("Verification mode {} requested by the operator", wanted.name().toLowerCase(Locale.ROOT));
        return awaitMode(wanted);
    }

    private Optional<VerificationMode> awaitMode(VerificationMode wanted) {
        // Config Admin delivers the change to the verifier asynchronously, usually within milliseconds.
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(MODE_APPLY_TIMEOUT_MILLIS);
        while (mode().filter(wanted::equals).isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return mode();
    }

    /** Routing policies in the order they are asked; empty while no router is running. */
    public Optional<List<String>> policies() {
        RouterStatus current = router;
        return current == null ? Optional.empty() : Optional.of(current.policies());
    }

    /** Message handlers in the order they are offered frames; empty while no router is running. */
    public Optional<List<String>> handlers() {
        RouterStatus current = router;
        return current == null ? Optional.empty() : Optional.of(current.handlers());
    }

    /** The counters now, with rates over the last few seconds; empty while no counters are running. */
    public Optional<Totals> totals() {
        GatewayMetrics current = metrics;
        return current == null ? Optional.empty() : Optional.of(Totals.of(current.snapshot(), rates.perSecond()));
    }

    /** Where agents connect, e.g. {@code ws://127.0.0.1:8000/ws}; empty while the transport is down. */
    public Optional<String> agentAddress() {
        Transport current = transport;
        return current == null ? Optional.empty() : Optional.of(String.valueOf(current.address()));
    }

    public Optional<String> gatewayDid() {
        AgentIdentity current = gateway;
        return current == null ? Optional.empty() : Optional.of(current.did());
    }

    private void sample() {
        GatewayMetrics current = metrics;
        if (current == null) {
            return;
        }
        try {
            rates.record(current.snapshot());
        } catch (RuntimeException e) {
            LOG.error("Could not sample the gateway counters", e);
        }
    }
}
