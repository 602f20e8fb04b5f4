package io.aiconexus.gateway.identity.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8032 section 7.1, Ed25519 test vectors TEST 1, 2, 3 and SHA(abc), through our identity and verifier. */
class Rfc8032VectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    private final CachingEnvelopeVerifier verifier = new CachingEnvelopeVerifier(new FakeCanonicalizer(), new DidKeyCodec());

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "TEST 1, 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60,"
                + " d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a, '',"
                + " e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
        "TEST 2, 4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb,"
                + " 3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c, 72,"
                + " 92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
        "TEST 3, c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7,"
                + " fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025, af82,"
                + " 6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
        "TEST SHA(abc), 833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42,"
                + " ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf,"
                + " ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f,"
                + " dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704"
    })
    void publishedVector(String name, String secretKey, String publicKey, String message, String signature) {
        byte[] msg = HEX.parseHex(message == null ? "" : message);
        Ed25519Identity identity = new Ed25519Identity(HEX.parseHex(secretKey));

        assertEquals(publicKey, HEX.formatHex(identity.publicKey()), "public key derived from the secret key");
        byte[] signed = identity.sign(msg);
        assertEquals(signature, HEX.formatHex(signed), "signature");
        assertTrue(verifier.verify(HEX.parseHex(publicKey), msg, HEX.parseHex(signature)));

        byte[] tamperedMessage = msg.length == 0 ? new byte[] {0} : msg.clone();
        tamperedMessage[0] ^= 1;
        assertFalse(verifier.verify(identity.publicKey(), tamperedMessage, signed), "tampered message");
        for (int index : new int[] {0, 31, 32, 63}) {
            byte[] tamperedSignature = signed.clone();
            tamperedSignature[index] ^= 0x40;
            assertFalse(verifier.verify(identity.publicKey(), msg, tamperedSignature), "tampered signature byte " + index);
        }
        byte[] otherKey = new Ed25519Identity(new byte[32]).publicKey();
        assertFalse(verifier.verify(otherKey, msg, signed), "another key");
    }

    @Test
    void shaAbcMessageIsSha512OfAbc() throws NoSuchAlgorithmException {
        // the RFC gives the message of TEST SHA(abc) as SHA-512("abc"); checking it keeps the table above honest
        assertEquals("ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                + "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
                HEX.formatHex(MessageDigest.getInstance("SHA-512").digest("abc".getBytes())));
    }

    @Test
    void rawVerifyRejectsBadInputsWithoutThrowing() {
        byte[] key = new Ed25519Identity(new byte[32]).publicKey();
        byte[] signature = new Ed25519Identity(new byte[32]).sign(new byte[0]);
        assertTrue(verifier.verify(key, new byte[0], signature));
        assertFalse(verifier.verify(new byte[31], new byte[0], signature));
        assertFalse(verifier.verify(key, new byte[0], new byte[63]));
        assertFalse(verifier.verify(null, new byte[0], signature));
        assertFalse(verifier.verify(key, null, signature));
        assertFalse(verifier.verify(key, new byte[0], null));
        // y = 2 is not the y-coordinate of any point of edwards25519: not a public key
        byte[] notAPoint = new byte[32];
        notAPoint[0] = 2;
        assertFalse(verifier.verify(notAPoint, new byte[0], signature));
    }

    @Test
    void identitiesNeedA32ByteSeedAndHideIt() {
        assertThrows(IllegalArgumentException.class, () -> new Ed25519Identity(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> new Ed25519Identity(null));
        Ed25519Identity identity = Ed25519Identity.generate(new SecureRandom());
        assertEquals(identity.did(), identity.toString());
        byte[] copy = identity.publicKey();
        copy[0] ^= 1;
        assertNotEquals(HEX.formatHex(copy), HEX.formatHex(identity.publicKey()), "publicKey() returns a copy");
        assertArrayEquals(identity.seed(), new Ed25519Identity(identity.seed()).seed());
    }
}
