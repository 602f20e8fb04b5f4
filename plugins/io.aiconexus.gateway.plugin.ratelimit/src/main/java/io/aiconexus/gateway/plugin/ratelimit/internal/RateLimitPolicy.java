package io.aiconexus.gateway.plugin.ratelimit.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.plugin.ratelimit.internal.TokenBucket.Take;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.registry.RegisteredAgent;
import io.aiconexus.gateway.router.RoutingDecision;
import io.aiconexus.gateway.router.RoutingPolicy;
import io.aiconexus.gateway.router.RoutingRequest;

/**
 * Refuses frames beyond a token-bucket rate, per agent DID and per remote host, with
 * RATE_LIMITED (PROTOCOL.md section 11: every refused frame is answered, never dropped). Ranked
 * above the access-control policy so that a flood costs one bucket lookup per frame.
 */
@Component(service = RoutingPolicy.class, configurationPid = RateLimitPolicy.PID,
        property = { RoutingPolicy.NAME + "=" + RateLimitPolicy.NAME, "service.ranking:Integer=200" })
@Designate(ocd = RateLimitConfig.class)
public class RateLimitPolicy implements RoutingPolicy {
    static final String PID = "io.aiconexus.gateway.plugin.ratelimit";
    static final String NAME = "rate-limit";
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitPolicy.class);
    private static final long SWEEP_SECONDS = 30;

    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "aiconexus-rate-limit-sweep");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean untrackedWarned = new AtomicBoolean();
    private volatile Limits limits;

    @Activate
    public RateLimitPolicy(RateLimitConfig config) {
        modified(config);
        sweeper.scheduleWithFixedDelay(this::sweep, SWEEP_SECONDS, SWEEP_SECONDS, TimeUnit.SECONDS);
    }

    /** For tests: fixed limits, no sweeper thread needed. */
    RateLimitPolicy(Limits limits) {
        this.limits = limits;
        sweeper.shutdown();
    }

    @Modified
    void modified(RateLimitConfig config) {
        limits = Limits.of(config.agentRate(), config.agentBurst(), config.hostRate(), config.hostBurst(),
                config.maxTrackedKeys(), System::nanoTime);
        LOG.info("Rate limit: {}", limits.describe());
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
    }

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        Limits current = limits;
        RegisteredAgent sender = request.sender();
        if (current.agents() != null) {
            Take take = current.agents().take(sender.did());
            if (take.refused()) {
                return refuse(take, sender, "agent", current.agents());
            }
            warnIfUntracked(take, "agents");
        }
        if (current.hosts() != null) {
            Take take = current.hosts().take(sender.connection().remoteHost());
            if (take.refused()) {
                return refuse(take, sender, "host " + sender.connection().remoteHost(), current.hosts());
            }
            warnIfUntracked(take, "hosts");
        }
        return RoutingDecision.allow();
    }

    private static RoutingDecision refuse(Take take, RegisteredAgent sender, String scope, BucketTable table) {
        String limit = Limits.describe(table);
        if (take == Take.REFUSED_FIRST) {
            LOG.warn("Agent {} ({}) is over the {} rate limit of {}: its frames are refused with RATE_LIMITED",
                    sender.did(), sender.connection().remoteAddress(), scope, limit);
        }
        return RoutingDecision.deny(ErrorCode.RATE_LIMITED, "rate limit exceeded: at most " + limit + " per " + scope);
    }

    private void warnIfUntracked(Take take, String kind) {
        if (take == Take.UNTRACKED && untrackedWarned.compareAndSet(false, true)) {
            LOG.warn("Rate limit: the table of {} is full of active buckets; new senders pass unlimited until some go idle "
                    + "(raise maxTrackedKeys)", kind);
        }
    }

    private void sweep() {
        limits.forgetIdle();
        untrackedWarned.set(false);
    }
}
