package io.aiconexus.gateway.plugin.accesscontrol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.aiconexus.gateway.plugin.accesscontrol.internal.AccessRule.Action;
import io.aiconexus.gateway.plugin.accesscontrol.internal.RuleParser.InvalidRuleException;
import io.aiconexus.gateway.protocol.MessageType;

class RuleParserTest {

    @Test
    void theExampleOfTheDocumentationReads() throws Exception {
        AccessRule rule = RuleParser.parse(1, "deny from=did:key:zABC* to=* types=OFFER,ANSWER");
        assertEquals(Action.DENY, rule.action());
        assertEquals(List.of(new DidPattern(DidPattern.Kind.PREFIX, "did:key:zABC")), rule.from());
        assertEquals(List.of(DidPattern.ANY), rule.to());
        assertEquals(Set.of(MessageType.OFFER, MessageType.ANSWER), rule.types());
    }

    @Test
    void omittedFieldsMatchEverythingAndSpacingAndCaseOfKeywordsDoNotMatter() throws Exception {
        AccessRule rule = RuleParser.parse(3, "  ALLOW   to=gateway  types=ping ");
        assertEquals(Action.ALLOW, rule.action());
        assertEquals(List.of(DidPattern.ANY), rule.from());
        assertEquals(List.of(new DidPattern(DidPattern.Kind.GATEWAY, "gateway")), rule.to());
        assertEquals(Set.of(MessageType.PING), rule.types());
        assertEquals("ALLOW   to=gateway  types=ping", rule.text());
        assertEquals(Set.of(), RuleParser.parse(4, "deny types=*").types(), "types=* is every type");
    }

    @Test
    void listsTakeExactDidsAndPrefixes() throws Exception {
        AccessRule rule = RuleParser.parse(1, "allow from=did:key:z6MkA,did:key:z6MkB* to=did:key:gateway");
        assertEquals(List.of(new DidPattern(DidPattern.Kind.EXACT, "did:key:z6MkA"),
                new DidPattern(DidPattern.Kind.PREFIX, "did:key:z6MkB")), rule.from());
        assertEquals(DidPattern.Kind.GATEWAY, rule.to().get(0).kind(), "the did:key:gateway alias names the gateway");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "permit from=*                       | a rule starts with allow or deny, not 'permit'",
            "deny form=did:key:z1                | unknown field 'form' (expected from, to or types)",
            "deny from                           | 'from' is not field=value",
            "deny from=                          | 'from=' is not field=value",
            "deny types=OFFER,OFER               | types=: 'OFER' is not an IoAP message type",
            "deny types=REGISTER                 | REGISTER never reaches routing policies",
            "deny from=did:key:z*x               | * may only end a prefix",
            "deny from=zABC*                     | 'zABC*' is not a DID",
            "deny from=gateway                   | 'gateway' can only be a recipient",
            "deny from=did:key:a from=did:key:b  | from= appears twice",
            "deny to=did:key:a,,did:key:b        | to='' is not a DID",
    })
    void aBadRuleIsRefusedWithAMessageNamingItAndTheProblem(String text, String problem) {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> RuleParser.parse(7, text));
        assertTrue(e.getMessage().startsWith("rule 7 '" + text + "': "), e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
    }
}
