package io.aiconexus.gateway.identity.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.aiconexus.gateway.identity.DidKey;
import io.aiconexus.gateway.identity.InvalidDidException;

class DidKeyCodecTest {
    private final DidKeyCodec codec = new DidKeyCodec();

    /**
     * W3C CCG did:key, test-vectors/ed25519-x25519.json (seed, DID, publicKeyBase58), and the
     * spec's example DID document (z6MkpTHR8V… with B12NYF8R…, no seed published).
     */
    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "0000000000000000000000000000000000000000000000000000000000000000, did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp, 4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS",
        "0000000000000000000000000000000000000000000000000000000000000001, did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG, 6ASf5EcmmEHTgDJ4X4ZT5vT6iHVJBXPg5AN5YoTCpGWt",
        "0000000000000000000000000000000000000000000000000000000000000002, did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf, 8pM1DN3RiT8vbom5u1sNryaNT1nyL8CTTW3b5PwWXRBH",
        "0000000000000000000000000000000000000000000000000000000000000003, did:key:z6MkvqoYXQfDDJRv8L4wKzxYeuKyVZBfi9Qo6Ro8MiLH3kDQ, HPYVwAQmskwT1qEEeRzhoomyfyupJGASQQtCXSNG8XS2",
        "0000000000000000000000000000000000000000000000000000000000000004, did:key:z6MkwW6aqMnjgrhJXFUko3NnZPGzVpkNzhYK7yEhnsibmLwL, J3qYF7YJMKCqQke47UQwiHizgFUXapHxRxKmxbkar89x",
        ", did:key:z6MkpTHR8VNsBxYAAWHut2Geadd9jSwuBV8xRoAnwWsdvktH, B12NYF8RrR3h41TDCTJojY59usg3mbtbjnFs7Eud1Y6u"
    })
    void w3cEd25519Vectors(String seedHex, String did, String publicKeyBase58) throws InvalidDidException {
        byte[] publicKey = codec.fromBase58(publicKeyBase58);
        assertEquals(32, publicKey.length);

        DidKey decoded = codec.decode(did);
        assertEquals(DidKey.Encoding.STANDARD, decoded.encoding());
        assertArrayEquals(publicKey, decoded.publicKey());
        assertEquals(did, decoded.did());
        assertEquals(did, codec.encode(publicKey));
        assertEquals(publicKeyBase58, codec.base58(publicKey));

        if (seedHex != null) {
            Ed25519Identity identity = new Ed25519Identity(HexFormat.of().parseHex(seedHex));
            assertEquals(did, identity.did());
            assertEquals(publicKeyBase58, identity.publicKeyBase58());
        }
    }

    @Test
    void legacyFormDecodesToTheSameKey() throws InvalidDidException {
        byte[] key = codec.fromBase58("B12NYF8RrR3h41TDCTJojY59usg3mbtbjnFs7Eud1Y6u");
        String legacy = codec.encodeLegacy(key);
        assertEquals("did:key:z6MkB12NYF8RrR3h41TDCTJojY59usg3mbtbjnFs7Eud1Y6u", legacy);

        DidKey decoded = codec.decode(legacy);
        assertEquals(DidKey.Encoding.LEGACY, decoded.encoding());
        assertArrayEquals(key, decoded.publicKey());
        assertEquals(legacy, decoded.did());
    }

    @Test
    void legacyAndStandardNeverCollideForRandomKeys() throws InvalidDidException {
        Random random = new Random(3);
        for (int i = 0; i < 2_000; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            if (i % 10 == 0) {
                key[0] = 0; // legacy DIDs of keys with a leading zero byte carry an extra '1'
            }
            DidKey legacy = codec.decode(codec.encodeLegacy(key));
            DidKey standard = codec.decode(codec.encode(key));
            assertEquals(DidKey.Encoding.LEGACY, legacy.encoding());
            assertEquals(DidKey.Encoding.STANDARD, standard.encoding());
            assertArrayEquals(key, legacy.publicKey());
            assertArrayEquals(key, standard.publicKey());
        }
    }

    @Test
    void rejectsWhatIsNotADidKey() {
        assertRejected(null, "no DID given");
        assertRejected("", "no DID given");
        assertRejected("did:web:example.com", "not a did:key");
        assertRejected("z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp", "not a did:key");
        assertRejected("did:key:gateway", "must start with did:key:z");
        assertRejected("did:key:uAAAA", "must start with did:key:z");
    }

    @Test
    void rejectsInvalidBase58WithThePosition() {
        // '0' and 'l' are not base58 digits
        assertRejected("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDoo0p",
                "not base58btc: invalid base58 character '0' at position 54");
        assertRejected("did:key:z6Mkl", "invalid base58 character 'l' at position 12");
    }

    @Test
    void rejectsWrongLengths() throws InvalidDidException {
        byte[] key = codec.fromBase58("4zvwRjXUKGfvwnParsHAS3HuSVzV5cA4McphgmoCtajS");
        byte[] shortMultikey = new byte[33];
        shortMultikey[0] = (byte) 0xed;
        shortMultikey[1] = 0x01;
        System.arraycopy(key, 0, shortMultikey, 2, 31);
        assertRejected("did:key:z" + Base58.encode(shortMultikey), "this one has 31 key bytes");

        byte[] longMultikey = new byte[35];
        longMultikey[0] = (byte) 0xed;
        longMultikey[1] = 0x01;
        System.arraycopy(key, 0, longMultikey, 2, 32);
        assertRejected("did:key:z" + Base58.encode(longMultikey), "this one has 33 key bytes");

        byte[] key31 = new byte[31];
        System.arraycopy(key, 1, key31, 0, 31);
        assertRejected("did:key:z6Mk" + Base58.encode(key31), "nor a legacy did:key:z6Mk, which holds a 32-byte key, not 31 bytes");
        byte[] key33 = new byte[33];
        System.arraycopy(key, 0, key33, 0, 32);
        key33[32] = 7;
        assertRejected("did:key:z6Mk" + Base58.encode(key33), "not 33 bytes");
        assertRejected("did:key:z", "decodes to 0 bytes");
        assertRejected("did:key:z6Mk", "not 0 bytes");
    }

    @Test
    void rejectsOtherKeyTypes() {
        // did:key spec examples: secp256k1 (0xe701) and X25519 (0xec01)
        assertRejected("did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",
                "multicodec prefix 0xe701, Ed25519 is 0xed01");
        assertRejected("did:key:z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F",
                "multicodec prefix 0xec01, Ed25519 is 0xed01");
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 1_000, 1_000_000})
    void rejectsLongInputBeforeDecodingIt(int length) {
        String did = "did:key:z" + "2".repeat(length - 9);
        long start = System.nanoTime();
        assertRejected(did, "too long");
        assertTrue(System.nanoTime() - start < 50_000_000L, "a huge DID must be refused without decoding it");
    }

    @Test
    void fromBase58BoundsItsInputAndExplains() throws InvalidDidException {
        assertArrayEquals(new byte[0], codec.fromBase58(""));
        InvalidDidException e = assertThrows(InvalidDidException.class, () -> codec.fromBase58("x".repeat(101)));
        assertTrue(e.getMessage().contains("too long"), e.getMessage());
        e = assertThrows(InvalidDidException.class, () -> codec.fromBase58("abc+"));
        assertEquals("invalid base58 character '+' at position 3", e.getMessage());
        assertThrows(InvalidDidException.class, () -> codec.fromBase58(null));
    }

    @Test
    void encodeRequires32Bytes() {
        assertThrows(IllegalArgumentException.class, () -> codec.encode(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> codec.encodeLegacy(new byte[33]));
        assertThrows(IllegalArgumentException.class, () -> codec.encode(null));
    }

    private void assertRejected(String did, String expectedInMessage) {
        InvalidDidException e = assertThrows(InvalidDidException.class, () -> codec.decode(did), did);
        assertTrue(e.getMessage().contains(expectedInMessage), "message: " + e.getMessage());
    }
}
