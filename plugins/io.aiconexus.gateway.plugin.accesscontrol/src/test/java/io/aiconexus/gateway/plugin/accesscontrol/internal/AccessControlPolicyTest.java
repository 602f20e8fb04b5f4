package io.aiconexus.gateway.plugin.accesscontrol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.protocol.MessageType;
import io.aiconexus.gateway.router.RoutingDecision;
import io.aiconexus.gateway.router.RoutingDecision.Outcome;

class AccessControlPolicyTest {
    private final Fakes.Sender mallory = new Fakes.Sender("did:key:zMallory", "10.0.0.9");
    private final Fakes.Sender alice = new Fakes.Sender("did:key:zAlice", "10.0.0.1");

    @Test
    void aDeniedFrameIsForbiddenNamingTheRule() {
        AccessControlPolicy policy = new AccessControlPolicy(config("allow", "allow from=did:key:zAlice",
                "deny from=did:key:zMal* types=OFFER"));
        RoutingDecision refused = policy.decide(mallory.request(MessageType.OFFER, "did:key:zBob", false));
        assertEquals(Outcome.DENY, refused.outcome());
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
        assertTrue(refused.message().contains("rule 2"), refused.message());
        assertEquals(Outcome.ALLOW, policy.decide(mallory.request(MessageType.ANSWER, "did:key:zBob", false)).outcome());
    }

    @Test
    void anInvalidConfigurationLeavesThePreviousRulesInForce() {
        AccessControlPolicy policy = new AccessControlPolicy(config("allow", "deny from=did:key:zMallory"));
        List<String> errors = policy.apply(new String[] { "allow from=did:key:zMallory", "deny fro=did:key:zAlice" },
                "allow");
        assertEquals(List.of("rule 2 'deny fro=did:key:zAlice': unknown field 'fro' (expected from, to or types)"), errors);
        assertEquals(Outcome.DENY, policy.decide(mallory.request()).outcome(), "the half-valid update was not applied");
        assertEquals(Outcome.ALLOW, policy.decide(alice.request()).outcome());
    }

    @Test
    void withNoValidRulesEverEverythingIsForbiddenUntilFixed() {
        AccessControlPolicy policy = new AccessControlPolicy(config("allow", "deny from=did:key:zMallory types=OFFR"));
        RoutingDecision refused = policy.decide(alice.request());
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
        assertTrue(refused.message().contains("rules are invalid"), refused.message());

        assertEquals(List.of(), policy.apply(new String[] { "deny from=did:key:zMallory types=OFFER" }, "allow"));
        assertEquals(Outcome.ALLOW, policy.decide(alice.request()).outcome(), "fixed rules lift the lock");
    }

    @Test
    void anUnknownDefaultActionIsAnInvalidConfiguration() {
        AccessControlPolicy policy = new AccessControlPolicy(config("allow"));
        assertEquals(List.of("defaultAction 'maybe' is neither allow nor deny"), policy.apply(new String[0], "maybe"));
        assertEquals(Outcome.ALLOW, policy.decide(alice.request()).outcome());
        assertEquals(ErrorCode.FORBIDDEN, new AccessControlPolicy(config("deny")).decide(alice.request()).code());
    }

    private static AccessControlConfig config(String defaultAction, String... rules) {
        return new AccessControlConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return AccessControlConfig.class;
            }

            @Override
            public String[] rules() {
                return rules;
            }

            @Override
            public String defaultAction() {
                return defaultAction;
            }
        };
    }
}
