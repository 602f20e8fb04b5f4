package io.aiconexus.gateway.plugin.ratelimit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.router.RoutingDecision;
import io.aiconexus.gateway.router.RoutingDecision.Outcome;

class RateLimitPolicyTest {
    private final AtomicLong now = new AtomicLong();

    @Test
    void anAgentOverItsBurstIsRateLimited() {
        RateLimitPolicy policy = new RateLimitPolicy(Limits.of(1, 3, 0, 0, 100, now::get));
        Fakes.Sender agent = new Fakes.Sender("did:key:zAgent", "10.0.0.1");
        for (int i = 0; i < 3; i++) {
            assertEquals(Outcome.ALLOW, policy.decide(agent.request()).outcome());
        }
        RoutingDecision refused = policy.decide(agent.request());
        assertEquals(Outcome.DENY, refused.outcome());
        assertEquals(ErrorCode.RATE_LIMITED, refused.code());
        assertTrue(refused.message().contains("per agent"), refused.message());
        assertEquals(Outcome.ALLOW, policy.decide(new Fakes.Sender("did:key:zOther", "10.0.0.1").request()).outcome(),
                "another agent of the same host is not limited when the host limit is off");
    }

    @Test
    void agentsOfOneHostShareTheHostBudget() {
        RateLimitPolicy policy = new RateLimitPolicy(Limits.of(100, 100, 1, 4, 100, now::get));
        Fakes.Sender first = new Fakes.Sender("did:key:zFirst", "192.0.2.7");
        Fakes.Sender second = new Fakes.Sender("did:key:zSecond", "192.0.2.7");
        Fakes.Sender elsewhere = new Fakes.Sender("did:key:zThird", "198.51.100.1");
        for (int i = 0; i < 2; i++) {
            assertEquals(Outcome.ALLOW, policy.decide(first.request()).outcome());
            assertEquals(Outcome.ALLOW, policy.decide(second.request()).outcome());
        }
        RoutingDecision refused = policy.decide(first.request());
        assertEquals(ErrorCode.RATE_LIMITED, refused.code());
        assertTrue(refused.message().contains("host 192.0.2.7"), refused.message());
        assertEquals(Outcome.ALLOW, policy.decide(elsewhere.request()).outcome());
    }

    @Test
    void theDefaultsLetAFewHundredFramesThrough() {
        RateLimitPolicy policy = new RateLimitPolicy(Limits.of(200, 1000, 5000, 20000, 100000, now::get));
        Fakes.Sender agent = new Fakes.Sender("did:key:zBusy", "127.0.0.1");
        for (int i = 0; i < 500; i++) {
            assertEquals(Outcome.ALLOW, policy.decide(agent.request()).outcome(), "frame " + i);
        }
    }

    @Test
    void bothLimitsOffAllowsEverything() {
        RateLimitPolicy policy = new RateLimitPolicy(Limits.of(0, 1, 0, 1, 1, now::get));
        Fakes.Sender agent = new Fakes.Sender("did:key:zAny", "127.0.0.1");
        for (int i = 0; i < 10_000; i++) {
            assertEquals(Outcome.ALLOW, policy.decide(agent.request()).outcome());
        }
        assertEquals("per agent off, per host off", Limits.of(0, 1, 0, 1, 1, now::get).describe());
    }
}
