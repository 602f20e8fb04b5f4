package io.aiconexus.gateway.plugin.accesscontrol.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.plugin.accesscontrol.internal.AccessRule.Action;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.protocol.ErrorCode;
import io.aiconexus.gateway.router.RoutingDecision;
import io.aiconexus.gateway.router.RoutingPolicy;
import io.aiconexus.gateway.router.RoutingRequest;

/**
 * Allows or refuses frames by rule, answering FORBIDDEN. A configuration with an invalid rule is
 * rejected as a whole: applying the rules that could be read would silently drop the broken one,
 * which may be exactly the deny rule the operator meant to add. So the previous rules stay in
 * force, and with no previous rules every frame is refused (policies fail closed).
 */
@Component(service = RoutingPolicy.class, configurationPid = AccessControlPolicy.PID,
        property = { RoutingPolicy.NAME + "=" + AccessControlPolicy.NAME, "service.ranking:Integer=100" })
@Designate(ocd = AccessControlConfig.class)
public class AccessControlPolicy implements RoutingPolicy {
    static final String PID = "io.aiconexus.gateway.plugin.accesscontrol";
    static final String NAME = "access-control";
    private static final Logger LOG = LoggerFactory.getLogger(AccessControlPolicy.class);

    /** In force while the first configuration is invalid: refuses everything. */
    private static final RuleSet LOCKED = new RuleSet(List.of(), Action.DENY);

    private volatile RuleSet rules;
    private volatile String lockedReason;

    @Activate
    public AccessControlPolicy(AccessControlConfig config) {
        modified(config);
    }

    @Modified
    void modified(AccessControlConfig config) {
        apply(config.rules(), config.defaultAction());
    }

    /** Reads and applies a configuration; returns the problems found (empty when applied). */
    List<String> apply(String[] lines, String defaultAction) {
        List<String> errors = new ArrayList<>();
        Action fallback = switch (String.valueOf(defaultAction).trim().toLowerCase(Locale.ROOT)) {
            case "allow" -> Action.ALLOW;
            case "deny" -> Action.DENY;
            default -> {
                errors.add("defaultAction '" + defaultAction + "' is neither allow nor deny");
                yield Action.DENY;
            }
        };
        RuleSet.Parsed parsed = RuleSet.parse(lines, fallback);
        errors.addAll(parsed.errors());
        if (errors.isEmpty()) {
            rules = parsed.ruleSet();
            lockedReason = null;
            LOG.info("Access control: {} rule(s), default {}", parsed.ruleSet().rules().size(),
                    fallback.name().toLowerCase(Locale.ROOT));
            return errors;
        }
        errors.forEach(error -> LOG.warn("Access control: {}: configuration rejected", error));
        if (rules == null || lockedReason != null) {
            rules = LOCKED;
            lockedReason = "the access-control rules are invalid";
            LOG.warn("Access control: no valid rules were ever applied, so every frame is refused with FORBIDDEN "
                    + "until the configuration of {} is fixed", PID);
        } else {
            LOG.warn("Access control: the previous {} rule(s) stay in force", rules.rules().size());
        }
        return errors;
    }

    @Override
    public RoutingDecision decide(RoutingRequest request) {
        RuleSet current = rules;
        Envelope envelope = request.envelope();
        RuleSet.Verdict verdict = current.decide(request.sender().did(), request.recipient(), request.toGateway(),
                envelope.type());
        if (verdict.action() == Action.ALLOW) {
            return RoutingDecision.allow();
        }
        String reason = current == LOCKED ? lockedReason
                : verdict.rule() == null ? "no access-control rule allows it (default deny)"
                : "access-control rule " + verdict.rule().number() + " denies it";
        LOG.debug("{} from {} ({}) to {} refused: {}", envelope.type(), request.sender().did(),
                request.sender().connection().remoteAddress(), request.recipient(), reason);
        return RoutingDecision.deny(ErrorCode.FORBIDDEN, "forbidden: " + reason);
    }
}
