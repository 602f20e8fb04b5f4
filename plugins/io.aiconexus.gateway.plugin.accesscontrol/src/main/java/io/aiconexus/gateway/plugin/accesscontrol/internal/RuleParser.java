package io.aiconexus.gateway.plugin.accesscontrol.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.aiconexus.gateway.plugin.accesscontrol.internal.AccessRule.Action;
import io.aiconexus.gateway.protocol.MessageType;

/**
 * Reads rules written as {@code ACTION [from=PATTERNS] [to=PATTERNS] [types=TYPES]}, e.g.
 * {@code deny from=did:key:zABC* to=* types=OFFER,ANSWER}. An omitted field matches everything;
 * lists are comma-separated without spaces. docs/PLUGINS.md has the full syntax.
 */
final class RuleParser {

    private RuleParser() {
    }

    /** A rule that cannot be read: the message names the rule and says what is wrong. */
    static final class InvalidRuleException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidRuleException(int number, String text, String problem) {
            super("rule " + number + " '" + text + "': " + problem);
        }
    }

    static AccessRule parse(int number, String text) throws InvalidRuleException {
        String[] words = text.trim().split("\\s+");
        Action action = action(number, text, words[0]);
        List<DidPattern> from = null;
        List<DidPattern> to = null;
        Set<MessageType> types = null;
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            int equals = word.indexOf('=');
            if (equals <= 0 || equals == word.length() - 1) {
                throw new InvalidRuleException(number, text, "'" + word + "' is not field=value");
            }
            String field = word.substring(0, equals);
            String value = word.substring(equals + 1);
            switch (field) {
                case "from" -> from = patterns(number, text, field, from, value, false);
                case "to" -> to = patterns(number, text, field, to, value, true);
                case "types" -> types = types(number, text, types, value);
                default -> throw new InvalidRuleException(number, text,
                        "unknown field '" + field + "' (expected from, to or types)");
            }
        }
        return new AccessRule(number, text.trim(), action, from == null ? List.of(DidPattern.ANY) : from,
                to == null ? List.of(DidPattern.ANY) : to, types == null ? Set.of() : types);
    }

    private static Action action(int number, String text, String word) throws InvalidRuleException {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "allow" -> Action.ALLOW;
            case "deny" -> Action.DENY;
            default -> throw new InvalidRuleException(number, text, "a rule starts with allow or deny, not '" + word + "'");
        };
    }

    private static List<DidPattern> patterns(int number, String text, String field, List<DidPattern> seen, String value,
            boolean recipient) throws InvalidRuleException {
        if (seen != null) {
            throw new InvalidRuleException(number, text, field + "= appears twice");
        }
        List<DidPattern> patterns = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            try {
                patterns.add(DidPattern.parse(item, recipient));
            } catch (IllegalArgumentException e) {
                throw new InvalidRuleException(number, text, field + "=" + e.getMessage());
            }
        }
        return List.copyOf(patterns);
    }

    private static Set<MessageType> types(int number, String text, Set<MessageType> seen, String value)
            throws InvalidRuleException {
        if (seen != null) {
            throw new InvalidRuleException(number, text, "types= appears twice");
        }
        if (value.equals("*")) {
            return Set.of();
        }
        Set<MessageType> types = EnumSet.noneOf(MessageType.class);
        for (String item : value.split(",", -1)) {
            MessageType type = MessageType.fromWire(item.toUpperCase(Locale.ROOT));
            if (type == null) {
                throw new InvalidRuleException(number, text, "types=: '" + item + "' is not an IoAP message type");
            }
            if (type == MessageType.REGISTER) {
                throw new InvalidRuleException(number, text,
                        "types=: REGISTER never reaches routing policies (registration is not routed)");
            }
            types.add(type);
        }
        return types;
    }
}
