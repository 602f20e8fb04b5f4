package io.aiconexus.gateway.verification.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.identity.EnvelopeVerifier;
import io.aiconexus.gateway.identity.SignatureCheck;
import io.aiconexus.gateway.protocol.Envelope;
import io.aiconexus.gateway.verification.FrameVerifier;
import io.aiconexus.gateway.verification.VerificationMode;
import io.aiconexus.gateway.verification.Verdict;
import io.aiconexus.gateway.verification.Verdict.Failure;

/** Verifies signatures through the identity bundle and keeps the replay window, per sender. */
@Component(service = FrameVerifier.class, configurationPid = SignatureFrameVerifier.PID)
@Designate(ocd = VerifierConfig.class)
public class SignatureFrameVerifier implements FrameVerifier {
    static final String PID = "io.aiconexus.gateway.verification";
    private static final Logger LOG = LoggerFactory.getLogger(SignatureFrameVerifier.class);

    private final EnvelopeVerifier signatures;
    private final Clock clock;
    private final ConcurrentHashMap<String, SeenIds> seenBySender = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "aiconexus-replay-window-sweep");
        thread.setDaemon(true);
        return thread;
    });
    private volatile VerificationMode mode;
    private volatile long windowMillis;
    private volatile int maxIdsPerSender;

    @Activate
    public SignatureFrameVerifier(@Reference EnvelopeVerifier signatures, VerifierConfig config) {
        this(signatures, config, Clock.systemUTC());
    }

    SignatureFrameVerifier(EnvelopeVerifier signatures, VerifierConfig config, Clock clock) {
        this.signatures = signatures;
        this.clock = clock;
        modified(config);
        sweeper.scheduleWithFixedDelay(this::forgetQuietSenders, 60, 60, TimeUnit.SECONDS);
    }

    @Modified
    void modified(VerifierConfig config) {
        VerificationMode next = parseMode(config.mode());
        if (next != mode) {
            LOG.info("Frame verification mode: {}", next.name().toLowerCase(Locale.ROOT));
        }
        mode = next;
        windowMillis = TimeUnit.SECONDS.toMillis(Math.max(1, config.replayWindowSeconds()));
        maxIdsPerSender = Math.max(1, config.maxIdsPerSender());
    }

    @Deactivate
    public void deactivate() {
        sweeper.shutdownNow();
    }

    @Override
    public VerificationMode mode() {
        return mode;
    }

    @Override
    public Verdict verify(Envelope envelope, DidKey signer) {
        VerificationMode current = mode;
        if (current == VerificationMode.OFF) {
            return Verdict.ok();
        }
        Verdict verdict = check(envelope, signer);
        if (verdict.accepted() || current == VerificationMode.ENFORCE) {
            return verdict;
        }
        LOG.warn("audit: {} from {} failed verification ({}), passed on", envelope.id(), envelope.from(),
                verdict.failure().reason());
        return new Verdict(true, verdict.failure(), verdict.detail());
    }

    private Verdict check(Envelope envelope, DidKey signer) {
        long now = clock.millis();
        long timestamp = envelope.timestamp().toEpochMilli();
        if (Math.abs(now - timestamp) > windowMillis) {
            return Verdict.rejected(Failure.STALE, "timestamp is more than " + windowMillis / 1000
                    + " s from the gateway clock");
        }
        SignatureCheck check = signatures.verify(envelope, signer);
        if (!check.valid()) {
            return Verdict.rejected(Failure.SIGNATURE, "signature does not verify (" + check.reason() + ")");
        }
        boolean[] first = new boolean[1];
        // compute, not computeIfAbsent + call: the sweep cannot drop a sender's ids while one is added
        seenBySender.compute(envelope.from(), (did, seen) -> {
            SeenIds ids = seen == null ? new SeenIds() : seen;
            first[0] = ids.firstSighting(envelope.id(), timestamp + windowMillis, now, maxIdsPerSender);
            return ids;
        });
        if (!first[0]) {
            return Verdict.rejected(Failure.REPLAYED, "id " + envelope.id() + " was already used by this sender");
        }
        return Verdict.ok();
    }

    private void forgetQuietSenders() {
        long now = clock.millis();
        for (String did : seenBySender.keySet()) {
            seenBySender.computeIfPresent(did, (key, seen) -> seen.isEmpty(now) ? null : seen);
        }
    }

    static VerificationMode parseMode(String text) {
        try {
            return VerificationMode.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            LOG.warn("Unknown verification mode '{}': enforcing (use enforce, audit or off)", text);
            return VerificationMode.ENFORCE;
        }
    }
}
