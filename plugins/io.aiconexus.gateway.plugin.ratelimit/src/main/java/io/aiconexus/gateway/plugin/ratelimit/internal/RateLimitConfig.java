package io.aiconexus.gateway.plugin.ratelimit.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(id = RateLimitPolicy.PID, name = "AIConexus Gateway rate limit",
        description = "Token buckets per agent DID and per remote host; a frame over either limit is refused with "
                + "RATE_LIMITED. The defaults do not trip on ordinary use (bursts of a few hundred frames from one agent).")
@interface RateLimitConfig {

    @AttributeDefinition(name = "Agent rate (frames/s)",
            description = "Frames per second one agent (one DID) may send on average, gateway PINGs included. "
                    + "0 turns the per-agent limit off.")
    double agentRate() default 200;

    @AttributeDefinition(name = "Agent burst (frames)",
            description = "Frames one agent may send at once before the rate applies (the bucket size).")
    int agentBurst() default 1000;

    @AttributeDefinition(name = "Host rate (frames/s)",
            description = "Frames per second all agents connected from one remote host may send together on average. "
                    + "0 turns the per-host limit off. Agents behind one NAT or proxy share this budget.")
    double hostRate() default 5000;

    @AttributeDefinition(name = "Host burst (frames)",
            description = "Frames all agents of one remote host may send at once before the rate applies.")
    int hostBurst() default 20000;

    @AttributeDefinition(name = "Tracked senders",
            description = "Most buckets kept per kind (agents, hosts). Buckets that have refilled are forgotten every "
                    + "30 s; while this many are active, new senders pass unlimited (and a warning is logged).")
    int maxTrackedKeys() default 100000;
}
