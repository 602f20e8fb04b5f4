package io.aiconexus.gateway.plugin.accesscontrol.internal;

import java.util.ArrayList;
import java.util.List;

import io.aiconexus.gateway.plugin.accesscontrol.internal.AccessRule.Action;
import io.aiconexus.gateway.plugin.accesscontrol.internal.RuleParser.InvalidRuleException;
import io.aiconexus.gateway.protocol.MessageType;

/** The rules in force: the first rule that matches a frame decides, else the default action. */
record RuleSet(List<AccessRule> rules, Action defaultAction) {

    /** What decided a frame: a rule, or the default action when {@code rule} is null. */
    record Verdict(Action action, AccessRule rule) {
    }

    Verdict decide(String sender, String recipient, boolean toGateway, MessageType type) {
        for (AccessRule rule : rules) {
            if (rule.matches(sender, recipient, toGateway, type)) {
                return new Verdict(rule.action(), rule);
            }
        }
        return new Verdict(defaultAction, null);
    }

    /**
     * Reads a configuration's rules. Blank entries and entries starting with {@code #} are skipped
     * (they keep their number, so log lines name rules by their position in the configuration).
     */
    static Parsed parse(String[] lines, Action defaultAction) {
        List<AccessRule> rules = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (int i = 0; lines != null && i < lines.length; i++) {
            String line = lines[i] == null ? "" : lines[i].trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                rules.add(RuleParser.parse(i + 1, line));
            } catch (InvalidRuleException e) {
                errors.add(e.getMessage());
            }
        }
        return new Parsed(new RuleSet(List.copyOf(rules), defaultAction), List.copyOf(errors));
    }

    /** The rules read, and one message per rule that could not be read. */
    record Parsed(RuleSet ruleSet, List<String> errors) {
    }
}
