package io.aiconexus.gateway.identity.internal;

import java.util.Arrays;

import org.osgi.service.component.annotations.Component;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.identity.DidKeys;
import io.aiconexus.gateway.identity.InvalidDidException;

/**
 * did:key for Ed25519 keys in the two encodings of PROTOCOL.md section 3: the W3C form
 * {@code did:key:z} + base58btc(0xed 0x01 ‖ key), tried first, and the seed SDK's legacy
 * {@code did:key:z6Mk} + base58btc(key). Stateless and thread-safe.
 *
 * <p>Decoding checks the encoding only, not that the 32 bytes are a point on the curve: that costs
 * a point decompression, which the verifier does once per DID anyway (and answers {@code bad_did}).
 */
@Component(service = DidKeys.class)
public class DidKeyCodec implements DidKeys {
    static final String STANDARD_PREFIX = "did:key:z";
    static final String LEGACY_PREFIX = "did:key:z6Mk";

    /**
     * Longer than any Ed25519 did:key (57 characters at most). DIDs come from untrusted frames and
     * base58 decoding is quadratic, so the length is checked before anything is decoded.
     */
    static final int MAX_DID_LENGTH = 100;
    /** Enough for base58 of 64 bytes (88 characters), the longest value the gateway decodes. */
    static final int MAX_BASE58_LENGTH = 100;

    private static final int KEY_SIZE = 32;
    private static final byte ED25519_CODEC_0 = (byte) 0xed;
    private static final byte ED25519_CODEC_1 = 0x01;

    public DidKeyCodec() {
        // a plain constructor, so the codec also works outside a framework
    }

    @Override
    public DidKey decode(String did) throws InvalidDidException {
        if (did == null || did.isEmpty()) {
            throw new InvalidDidException("no DID given");
        }
        if (!did.startsWith(STANDARD_PREFIX)) {
            throw new InvalidDidException(did.startsWith("did:key:")
                    ? "did:key must carry a base58btc key: it must start with did:key:z"
                    : "not a did:key: it must start with did:key:z");
        }
        if (did.length() > MAX_DID_LENGTH) {
            throw new InvalidDidException("too long for an Ed25519 did:key (" + did.length() + " characters)");
        }
        byte[] multikey = decodeBase58(did, STANDARD_PREFIX.length());
        if (isEd25519(multikey) && multikey.length == KEY_SIZE + 2) {
            return new DidKey(did, Arrays.copyOfRange(multikey, 2, multikey.length), DidKey.Encoding.STANDARD);
        }
        int legacyLength = -1;
        if (did.startsWith(LEGACY_PREFIX)) {
            byte[] key = decodeBase58(did, LEGACY_PREFIX.length());
            if (key.length == KEY_SIZE) {
                return new DidKey(did, key, DidKey.Encoding.LEGACY);
            }
            legacyLength = key.length;
        }
        throw new InvalidDidException(whyNotEd25519(multikey, legacyLength));
    }

    @Override
    public String encode(byte[] publicKey) {
        return standardDid(publicKey);
    }

    /** {@link #encode} for callers inside the bundle, which need no service for it. */
    static String standardDid(byte[] publicKey) {
        requireKey(publicKey);
        byte[] multikey = new byte[KEY_SIZE + 2];
        multikey[0] = ED25519_CODEC_0;
        multikey[1] = ED25519_CODEC_1;
        System.arraycopy(publicKey, 0, multikey, 2, KEY_SIZE);
        return STANDARD_PREFIX + Base58.encode(multikey);
    }

    @Override
    public String encodeLegacy(byte[] publicKey) {
        requireKey(publicKey);
        return LEGACY_PREFIX + Base58.encode(publicKey);
    }

    @Override
    public String base58(byte[] bytes) {
        return Base58.encode(bytes);
    }

    @Override
    public byte[] fromBase58(String text) throws InvalidDidException {
        if (text == null) {
            throw new InvalidDidException("no base58 text given");
        }
        if (text.length() > MAX_BASE58_LENGTH) {
            throw new InvalidDidException("base58 text too long (" + text.length() + " characters)");
        }
        try {
            return Base58.decode(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidDidException(e.getMessage());
        }
    }

    private static byte[] decodeBase58(String did, int offset) throws InvalidDidException {
        try {
            return Base58.decode(did, offset);
        } catch (IllegalArgumentException e) {
            throw new InvalidDidException("the key part of the DID is not base58btc: " + e.getMessage());
        }
    }

    private static boolean isEd25519(byte[] multikey) {
        return multikey.length >= 2 && multikey[0] == ED25519_CODEC_0 && multikey[1] == ED25519_CODEC_1;
    }

    /** Why a key part fits neither encoding, said so that a client author can fix it. */
    private static String whyNotEd25519(byte[] multikey, int legacyLength) {
        String standard;
        if (isEd25519(multikey)) {
            standard = "an Ed25519 did:key holds 0xed01 + a 32-byte key, this one has " + (multikey.length - 2)
                    + " key bytes";
        } else if (multikey.length >= 2 && (multikey[0] & 0x80) != 0) {
            standard = String.format("not an Ed25519 did:key: multicodec prefix 0x%02x%02x, Ed25519 is 0xed01",
                    multikey[0] & 0xff, multikey[1] & 0xff);
        } else {
            standard = "not an Ed25519 did:key: the key part decodes to " + multikey.length
                    + " bytes, expected 0xed01 + a 32-byte key";
        }
        return legacyLength < 0 ? standard
                : standard + "; nor a legacy did:key:z6Mk, which holds a 32-byte key, not " + legacyLength + " bytes";
    }

    private static void requireKey(byte[] publicKey) {
        if (publicKey == null || publicKey.length != KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
    }
}
