package io.aiconexus.gateway.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Python's repr(float), as json.dumps prints floats. */
class PythonFloatsTest {

    /** Values from the brief, checked against python3 3.11. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ' ', value = {
        "1234.0 1234.0",
        "1e2 100.0",
        "0.1 0.1",
        "1e16 1e+16",
        "1e15 1000000000000000.0",
        "0.0001 0.0001",
        "1e-5 1e-05",
        "1.5e300 1.5e+300",
        "1e22 1e+22",
        "-0.0 -0.0",
        "0.0 0.0",
        "5e-324 5e-324",
        "1.7976931348623157e308 1.7976931348623157e+308",
        "123456789012345678.0 1.2345678901234568e+17",
        "9999999999999998.0 9999999999999998.0",
        "Infinity Infinity",
        "-Infinity -Infinity",
        "NaN NaN",
    })
    void reprOfNotableValues(double value, String expected) {
        assertEquals(expected, PythonFloats.repr(value));
    }

    /** About 4,500 doubles printed by CPython (src/test/vectors/make_python_vectors.py). */
    @Test
    void agreesWithCPython() {
        List<String> mismatches = new ArrayList<>();
        List<Object[]> vectors = TestData.doubles("doubles-python.txt");
        for (Object[] vector : vectors) {
            String actual = PythonFloats.repr(TestData.fromBits((String) vector[0]));
            if (!actual.equals(vector[1])) {
                mismatches.add("0x" + vector[0] + ": expected " + vector[1] + ", got " + actual);
            }
        }
        assertTrue(vectors.size() > 4000, "vector file read");
        assertEquals(List.of(), mismatches);
    }
}
