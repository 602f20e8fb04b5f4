package io.aiconexus.gateway.protocol.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** 4,500 doubles printed by CPython (src/test/vectors/make_python_vectors.py). */
    @ParameterizedTest(name = "0x{0} -> {1}")
    @MethodSource("pythonVectors")
    void agreesWithCPython(String bits, String expected) {
        assertEquals(expected, PythonFloats.repr(TestData.fromBits(bits)));
    }

    static Stream<Arguments> pythonVectors() {
        return TestData.doubles("doubles-python.txt").stream().map(Arguments::of);
    }
}
