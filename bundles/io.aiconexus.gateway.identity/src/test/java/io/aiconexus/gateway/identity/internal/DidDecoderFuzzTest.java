package io.aiconexus.gateway.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.FuzzTest;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.identity.DidKeys;
import io.aiconexus.gateway.identity.InvalidDidException;

/**
 * Coverage-guided fuzzing of the DID decoder, which reads the {@code from} of every REGISTER before
 * anything about the agent is known. Any string is either a DID of an Ed25519 key, which encodes
 * back to exactly the same string in the encoding it was read as, or an {@link InvalidDidException}:
 * never a runtime exception. The same holds for the base58 reader used on {@code public_key}.
 *
 * <p>Without {@code JAZZER_FUZZ} this runs as a regression test over the committed inputs in
 * {@code src/test/resources/.../DidDecoderFuzzTestInputs/}; docs/FAULTS.md says how to fuzz.
 */
class DidDecoderFuzzTest {
    private final DidKeys dids = new DidKeyCodec();

    @FuzzTest(maxDuration = "30s")
    void everyStringIsAKeyThatEncodesBackOrAnInvalidDid(byte[] input) {
        String did = new String(input, StandardCharsets.UTF_8);
        DidKey key;
        try {
            key = dids.decode(did);
        } catch (InvalidDidException refused) {
            return;
        }
        assertEquals(32, key.publicKey().length, "an Ed25519 key has 32 bytes");
        String again = key.encoding() == DidKey.Encoding.STANDARD ? dids.encode(key.publicKey())
                : dids.encodeLegacy(key.publicKey());
        assertEquals(did, again, "a DID has one spelling per encoding");
    }

    @FuzzTest(maxDuration = "30s")
    void everyStringIsBase58BytesThatEncodeBackOrAnInvalidDid(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        byte[] bytes;
        try {
            bytes = dids.fromBase58(text);
        } catch (InvalidDidException refused) {
            return;
        }
        assertEquals(text, dids.base58(bytes), "base58 has one spelling per byte string");
    }
}
