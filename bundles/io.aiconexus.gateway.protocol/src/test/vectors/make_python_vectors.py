#!/usr/bin/env python3
"""Regenerates the Python-form test vectors of the protocol bundle.

The expected outputs are what the seed's Python SDK signs:
json.dumps(obj, sort_keys=True, separators=(",", ":")) with the default ensure_ascii=True.
The tests never run Python: run this by hand (python3 make_python_vectors.py) and commit
the files it writes under src/test/resources/vectors/.
"""
import json
import os
import random
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "resources", "vectors")

# Frames as written on the wire: the literal text matters (1234.0 is not 1234 for Python).
INPUTS = [
    r'{"b":1,"a":2,"c":{"z":null,"y":true,"x":false}}',
    '{"text":"h\u00e9llo w\u00f6rld \u20ac \u4e2d\u6587"}',
    '{"emoji":"\U0001F600 and \\ud83d\\ude03"}',
    r'{"controls":"\u0000\u0001\b\t\n\u000b\f\r\u001f end"}',
    '{"del":"a\u007fb","escaped_del":"\\u007f"}',
    r'{"quote":"\"","backslash":"\\","slash":"\/","mixed":"A\u0027B\"\\\\\"/"}',
    '{"c1":"\u0080\u009f\u00a0\u00ff","bmp_end":"\uffff","ls":"\u2028\u2029"}',
    r'{"lone":"\ud800x","lone_low":"\udc00"}',
    r'{"ints":[0,-0,1,-1,2147483648,-9223372036854775809,123456789012345678901234567890]}',
    r'{"floats":[1234.0,1e2,1E2,100.0,0.1,1e16,1e15,1e-5,0.0001,0.00001,1.5e300,2.5,10.50]}',
    r'{"zeros":[0.0,-0.0,0e0,-0e0,1e-400,-1e-400]}',
    r'{"overflow":[1e400,-1e400,1e309]}',
    r'{"precise":[3.141592653589793,0.30000000000000004,1.7976931348623157e308,5e-324,2.2250738585072014e-308]}',
    r'{"boundaries":[1e21,1e22,1e-7,0.000001,123456789012345678.0,9007199254740993.0,0.1e1,12e-1]}',
    r'{"nested":{"z":[{"b":[],"a":{}}],"a":[[],[{}]],"m":{"k":[1,[2,[3.0]]]}}}',
    '{"\u20ac":1,"\\r":2,"\ufb33":3,"1":4,"\U0001F600":5,"\u0080":6,"\u00f6":7}',
    '{"\uff61":"halfwidth","\U0001F600":"astral","\ue000":"private use","a":"ascii","\U00010000":"linear b"}',
    r"""{"numbers":[333333333.33333329,1E30,4.50,2e-3,0.000000000000000000000000001],"string":"\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/","literals":[null,true,false]}""",
    r'{"empty":{},"list":[],"s":""}',
    r'{"id":"m-1","timestamp":"2026-01-12T10:00:00.123456","from":"did:key:z6Mkf","to":"did:key:z6Mkg","type":"EXEC_RESPONSE","payload":{"status":"success","result":{"k":"v\u00e9"},"execution_time_ms":1234.5},"version":"1.0","extra":[1.0,2]}',
]


def python_form(text):
    return json.dumps(json.loads(text), sort_keys=True, separators=(",", ":"))


def float_vectors(count):
    rnd = random.Random(8785)
    bits = []
    for _ in range(count):
        b = rnd.getrandbits(64)
        if (b >> 52) & 0x7FF == 0x7FF:
            continue  # NaN and infinities are not JSON numbers
        bits.append(b)
    for _ in range(count // 2):
        # short decimals written by people: 12.75, 0.003, 4.2e-9, ...
        v = rnd.randint(1, 99999) * 10.0 ** rnd.randint(-30, 30)
        bits.append(struct.unpack(">Q", struct.pack(">d", v))[0])
    return bits


def main():
    cases = [{"input": t, "python": python_form(t)} for t in INPUTS]
    with open(os.path.join(OUT, "python-form.json"), "w", encoding="ascii") as f:
        json.dump(cases, f, indent=1, ensure_ascii=True)
        f.write("\n")
    with open(os.path.join(OUT, "doubles-python.txt"), "w", encoding="ascii") as f:
        f.write("# IEEE-754 bits (hex) and Python repr(float); make_ecmascript_vectors.js writes the JS side\n")
        for b in float_vectors(3000):
            v = struct.unpack(">d", struct.pack(">Q", b))[0]
            f.write("%016x %s\n" % (b, repr(v)))


if __name__ == "__main__":
    main()
