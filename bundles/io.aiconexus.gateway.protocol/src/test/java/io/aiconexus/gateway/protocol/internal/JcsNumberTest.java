package io.aiconexus.gateway.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.aiconexus.gateway.protocol.CanonicalForm;

/** RFC 8785 number serialization: ECMAScript's Number.prototype.toString. */
class JcsNumberTest {

    /** RFC 8785 Appendix B, every sample with a result. */
    @ParameterizedTest(name = "0x{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
        "0000000000000000 0",
        "8000000000000000 0",
        "0000000000000001 5e-324",
        "8000000000000001 -5e-324",
        "7fefffffffffffff 1.7976931348623157e+308",
        "ffefffffffffffff -1.7976931348623157e+308",
        "4340000000000000 9007199254740992",
        "c340000000000000 -9007199254740992",
        "4430000000000000 295147905179352830000",
        "44b52d02c7e14af5 9.999999999999997e+22",
        "44b52d02c7e14af6 1e+23",
        "44b52d02c7e14af7 1.0000000000000001e+23",
        "444b1ae4d6e2ef4e 999999999999999700000",
        "444b1ae4d6e2ef4f 999999999999999900000",
        "444b1ae4d6e2ef50 1e+21",
        "3eb0c6f7a0b5ed8c 9.999999999999997e-7",
        "3eb0c6f7a0b5ed8d 0.000001",
        "41b3de4355555553 333333333.3333332",
        "41b3de4355555554 333333333.33333325",
        "41b3de4355555555 333333333.3333333",
        "41b3de4355555556 333333333.3333334",
        "41b3de4355555557 333333333.33333343",
        "becbf647612f3696 -0.0000033333333333333333",
        "43143ff3c1cb0959 1424953923781206.2",
    })
    void rfc8785AppendixB(String bits, String expected) {
        assertEquals(expected, EcmaScriptNumbers.toString(TestData.fromBits(bits)));
    }

    /** Appendix B lists NaN and Infinity as having no JSON form. */
    @ParameterizedTest
    @ValueSource(strings = {"7fffffffffffffff", "7ff0000000000000", "fff0000000000000"})
    void nonFiniteValuesAreRefused(String bits) {
        assertThrows(IllegalArgumentException.class, () -> EcmaScriptNumbers.toString(TestData.fromBits(bits)));
    }

    /** About 4,500 doubles printed by Node.js (src/test/vectors/make_ecmascript_vectors.js). */
    @Test
    void agreesWithJavaScript() {
        List<String> mismatches = new ArrayList<>();
        List<Object[]> vectors = TestData.doubles("doubles-ecmascript.txt");
        for (Object[] vector : vectors) {
            String actual = EcmaScriptNumbers.toString(TestData.fromBits((String) vector[0]));
            if (!actual.equals(vector[1])) {
                mismatches.add("0x" + vector[0] + ": expected " + vector[1] + ", got " + actual);
            }
        }
        assertTrue(vectors.size() > 4000, "vector file read");
        assertEquals(List.of(), mismatches);
    }

    @Test
    void jdk17DoubleToStringIsNotShortestButJcsIs() {
        // JDK 17 prints these as 2.82879384806159008E17, 9.999999999999999E22,
        // 1.9999999999999998E23, 8.409999999999999E21 and 4.9E-324.
        assertEquals("282879384806159000", EcmaScriptNumbers.toString(2.82879384806159E17));
        assertEquals("1e+23", EcmaScriptNumbers.toString(1e23));
        assertEquals("2e+23", EcmaScriptNumbers.toString(2e23));
        assertEquals("8.41e+21", EcmaScriptNumbers.toString(8.41e21));
        assertEquals("5e-324", EcmaScriptNumbers.toString(Double.MIN_VALUE));
    }

    @Test
    void integersBeyondTwoToThe53GoThroughDouble() throws Exception {
        String json = "{\"n\":[9007199254740993,-9007199254740993,1152921504606846976,"
                + "123456789012345678901234567890,4.50,1e2,100.0,-0.0,-0]}";
        byte[] canonical = new JsonCanonicalizer().canonicalize(TestData.tree(json), CanonicalForm.JCS);
        assertEquals("{\"n\":[9007199254740992,-9007199254740992,1152921504606847000,"
                + "1.2345678901234568e+29,4.5,100,100,0,0]}", TestData.utf8(canonical));
    }
}
