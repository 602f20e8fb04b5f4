package io.aiconexus.gateway.identity.internal;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.aiconexus.gateway.protocol.CanonicalForm;
import io.aiconexus.gateway.protocol.Canonicalizer;

/**
 * A stand-in canonicalizer for tests of the verifier's decisions: the bytes of a form are a label
 * plus Jackson's text of the tree without {@code signature}. The two forms differ unless told
 * otherwise, and every call is counted.
 */
final class FakeCanonicalizer implements Canonicalizer {
    private final boolean formsDiffer;
    private final Map<CanonicalForm, AtomicInteger> calls = new EnumMap<>(CanonicalForm.class);

    FakeCanonicalizer() {
        this(true);
    }

    FakeCanonicalizer(boolean formsDiffer) {
        this.formsDiffer = formsDiffer;
        for (CanonicalForm form : CanonicalForm.values()) {
            calls.put(form, new AtomicInteger());
        }
    }

    @Override
    public byte[] canonicalize(JsonNode node, CanonicalForm form) {
        calls.get(form).incrementAndGet();
        String label = formsDiffer ? form.name() : "SAME";
        return (label + ":" + node).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] signingInput(JsonNode envelope, CanonicalForm form) {
        ObjectNode copy = ((ObjectNode) envelope).deepCopy();
        copy.remove("signature");
        return canonicalize(copy, form);
    }

    int calls(CanonicalForm form) {
        return calls.get(form).get();
    }
}
