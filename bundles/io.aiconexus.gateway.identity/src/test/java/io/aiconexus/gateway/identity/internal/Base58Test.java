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

class Base58Test {

    /** Bitcoin Core's src/test/data/base58_encode_decode.json. */
    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource(value = {
        "'', ''",
        "61, 2g",
        "626262, a3gV",
        "636363, aPEr",
        "73696d706c792061206c6f6e6720737472696e67, 2cFupjhnEsSn59qHXstmK2ffpLv2",
        "00eb15231dfceb60925886b67d065299925915aeb172c06647, 1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L",
        "516b6fcd0f, ABnLTmg",
        "bf4f89001e670274dd, 3SEo3LWLoPntC",
        "572e4794, 3EFU7m",
        "ecac89cad93923c02321, EJDM8drfXA6uyA",
        "10c8511e, Rt5zm",
        "00000000000000000000, 1111111111"
    })
    void bitcoinCoreVectors(String hex, String base58) {
        byte[] bytes = HexFormat.of().parseHex(hex);
        assertEquals(base58, Base58.encode(bytes));
        assertArrayEquals(bytes, Base58.decode(base58));
    }

    @Test
    void emptyIsEmpty() {
        assertEquals("", Base58.encode(new byte[0]));
        assertArrayEquals(new byte[0], Base58.decode(""));
    }

    @Test
    void eachLeadingZeroByteIsAOne() {
        assertEquals("1", Base58.encode(new byte[1]));
        assertEquals("111", Base58.encode(new byte[3]));
        assertEquals("112", Base58.encode(new byte[] {0, 0, 1}));
        assertArrayEquals(new byte[] {0, 0, 1}, Base58.decode("112"));
        assertArrayEquals(new byte[] {0, 0, 0, (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef},
                Base58.decode("1116h8cQN"));
        assertEquals("1116h8cQN", Base58.encode(HexFormat.of().parseHex("000000deadbeef")));
    }

    @Test
    void roundTripsRandomBytesOfEveryShortLength() {
        Random random = new Random(8032);
        for (int length = 0; length <= 70; length++) {
            for (int run = 0; run < 20; run++) {
                byte[] bytes = new byte[length];
                random.nextBytes(bytes);
                // some runs with leading zero bytes, which base58 must keep
                for (int i = 0; i < Math.min(length, run % 4); i++) {
                    bytes[i] = 0;
                }
                assertArrayEquals(bytes, Base58.decode(Base58.encode(bytes)));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "O", "I", "l", "3mJr0", "O3yxU", "3sNI", "4kl8", "+", "ab cd", "é"})
    void rejectsCharactersOutsideTheAlphabet(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Base58.decode(text));
        assertTrue(e.getMessage().startsWith("invalid base58 character"), e.getMessage());
        assertTrue(e.getMessage().contains("at position"), e.getMessage());
    }

    @Test
    void namesTheOffendingCharacterAndItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Base58.decode("abc0def"));
        assertEquals("invalid base58 character '0' at position 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Base58.decode("zz\u00e9", 1));
        assertEquals("invalid base58 character U+00E9 at position 2", e.getMessage());
    }
}
