package io.aiconexus.gateway.plugin.accesscontrol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.aiconexus.gateway.plugin.accesscontrol.internal.AccessRule.Action;
import io.aiconexus.gateway.protocol.MessageType;

class RuleSetTest {
    private static final String GATEWAY = "did:key:zGateway";

    @Test
    void theFirstMatchingRuleWins() {
        RuleSet rules = RuleSet.parse(new String[] {
                "allow from=did:key:z6MkTrusted to=*",
                "deny from=did:key:z6Mk* types=OFFER,ANSWER",
                "deny to=did:key:zVault" }, Action.ALLOW).ruleSet();

        RuleSet.Verdict trusted = rules.decide("did:key:z6MkTrusted", "did:key:zVault", false, MessageType.OFFER);
        assertEquals(Action.ALLOW, trusted.action());
        assertEquals(1, trusted.rule().number());

        RuleSet.Verdict offer = rules.decide("did:key:z6MkOther", "did:key:zPeer", false, MessageType.OFFER);
        assertEquals(Action.DENY, offer.action());
        assertEquals(2, offer.rule().number());

        RuleSet.Verdict ice = rules.decide("did:key:z6MkOther", "did:key:zPeer", false, MessageType.ICE_CANDIDATE);
        assertEquals(Action.ALLOW, ice.action(), "rule 2 names only OFFER and ANSWER");
        assertNull(ice.rule(), "no rule matched: the default decided");

        assertEquals(3, rules.decide("did:key:zAnyone", "did:key:zVault", false, MessageType.PING).rule().number());
    }

    @Test
    void theDefaultActionDecidesWhenNoRuleMatches() {
        RuleSet closed = RuleSet.parse(new String[] { "allow from=did:key:zFriend" }, Action.DENY).ruleSet();
        assertEquals(Action.ALLOW, closed.decide("did:key:zFriend", "did:key:zPeer", false, MessageType.OFFER).action());
        assertEquals(Action.DENY, closed.decide("did:key:zStranger", "did:key:zPeer", false, MessageType.OFFER).action());
    }

    @Test
    void gatewayMatchesOnlyFramesToTheGatewayAndStarMatchesThemToo() {
        RuleSet rules = RuleSet.parse(new String[] { "deny to=gateway types=INTENT" }, Action.ALLOW).ruleSet();
        assertEquals(Action.DENY, rules.decide("did:key:zA", GATEWAY, true, MessageType.INTENT).action());
        assertEquals(Action.ALLOW, rules.decide("did:key:zA", "did:key:zB", false, MessageType.INTENT).action());

        RuleSet all = RuleSet.parse(new String[] { "deny from=did:key:zA" }, Action.ALLOW).ruleSet();
        assertEquals(Action.DENY, all.decide("did:key:zA", GATEWAY, true, MessageType.PING).action());
    }

    @Test
    void blankAndCommentEntriesAreSkippedButKeepTheirNumber() {
        RuleSet.Parsed parsed = RuleSet.parse(new String[] { "", "# deny everything", "deny from=did:key:zX", null },
                Action.ALLOW);
        assertEquals(List.of(), parsed.errors());
        assertEquals(1, parsed.ruleSet().rules().size());
        assertEquals(3, parsed.ruleSet().rules().get(0).number());
    }

    @Test
    void everyBadRuleIsReported() {
        RuleSet.Parsed parsed = RuleSet.parse(new String[] { "deny from=x", "allow", "allow tos=y" }, Action.ALLOW);
        assertEquals(2, parsed.errors().size());
        assertEquals(true, parsed.errors().get(0).startsWith("rule 1 'deny from=x'"));
        assertEquals(true, parsed.errors().get(1).startsWith("rule 3 'allow tos=y'"));
    }
}
