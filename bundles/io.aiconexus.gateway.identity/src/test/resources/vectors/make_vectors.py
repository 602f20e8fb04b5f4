#!/usr/bin/env python3
"""Envelope-signature vectors made by an implementation independent of the gateway.

The identity bundle's tests (EnvelopeVectorsTest) read envelope-vectors.json, made by this
script, and check that CachingEnvelopeVerifier accepts every frame with the expected canonical
form, rejects every tampered copy, and that JcsEnvelopeSigner produces the very same signature
bytes as this script (Ed25519 is deterministic: same seed, same bytes, same signature).

Two kinds of frame:
  * PYTHON: signed the way the seed's Python SDK signs,
        json.dumps(envelope_without_signature, sort_keys=True, separators=(",", ":"))
    (ASCII-escaped strings, keys in code point order, Python float repr), sent as the SDK sends
    it, json.dumps(envelope), with legacy (z6Mk + base58(key)) and standard DIDs, naive
    timestamps with microseconds, floats such as 1234.0 and non-ASCII text.
  * JCS: signed over RFC 8785 bytes, the way this project's clients sign. The RFC 8785
    serializer below is written for this script; it is checked against the published samples
    of the RFC 8785 reference implementation (cyberphone/json-canonicalization testdata) before
    any vector is made.

Usage (from this directory; needs Python 3.9+ and the `cryptography` package, tested with 48.0):

    python3 make_vectors.py > envelope-vectors.json

The output is deterministic (fixed seeds, ids and timestamps): re-running it must give the
committed file byte for byte, which `python3 make_vectors.py | diff - envelope-vectors.json`
confirms.
"""

import base64
import hashlib
import json
import math
import sys

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

BASE58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    digits = ""
    while number:
        number, remainder = divmod(number, 58)
        digits = BASE58_ALPHABET[remainder] + digits
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + digits


class Key:
    def __init__(self, name: str):
        self.name = name
        self.seed = hashlib.sha256(b"aiconexus identity test key " + name.encode()).digest()
        self.private = Ed25519PrivateKey.from_private_bytes(self.seed)
        self.public = self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        self.did = "did:key:z" + base58(b"\xed\x01" + self.public)
        self.legacy_did = "did:key:z6Mk" + base58(self.public)

    def sign(self, message: bytes) -> str:
        return base64.b64encode(self.private.sign(message)).decode("ascii")

    def as_json(self):
        return {"name": self.name, "seed_hex": self.seed.hex(), "public_key_base58": base58(self.public),
                "did": self.did, "legacy_did": self.legacy_did}


# ---- the two canonical forms -------------------------------------------------------------

def python_form(envelope: dict) -> bytes:
    """The seed SDK's signing input."""
    return json.dumps(envelope, sort_keys=True, separators=(",", ":")).encode("utf-8")


def es_number(value: float) -> str:
    """ECMAScript Number.prototype.toString, which RFC 8785 prescribes for numbers.

    repr() gives the shortest digits that round-trip, as ECMAScript requires; what remains is
    ECMAScript's choice between plain and exponent notation.
    """
    if math.isnan(value) or math.isinf(value):
        raise ValueError("not representable in I-JSON")
    if value == 0:
        return "0"
    if value < 0:
        return "-" + es_number(-value)
    text = repr(value)
    mantissa, _, exponent = text.partition("e")
    whole, _, fraction = mantissa.partition(".")
    all_digits = whole + fraction
    significant = all_digits.lstrip("0")
    point = len(whole) + int(exponent or 0) - (len(all_digits) - len(significant))
    digits = significant.rstrip("0")
    k, n = len(digits), point
    if k <= n <= 21:
        return digits + "0" * (n - k)
    if 0 < n <= 21:
        return digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return "0." + "0" * (-n) + digits
    e = n - 1
    sign = "+" if e > 0 else "-"
    return (digits if k == 1 else digits[0] + "." + digits[1:]) + "e" + sign + str(abs(e))


def jcs(value) -> str:
    """RFC 8785 text of a value parsed by json.loads."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return es_number(float(value))
    if isinstance(value, str):
        # json.dumps without ensure_ascii escapes exactly what RFC 8785 escapes: " \ and U+0000-U+001F
        # (\b \t \n \f \r short, the others as lower-case \u00xx); everything else is written as is
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ",".join(jcs(item) for item in value) + "]"
    if isinstance(value, dict):
        # RFC 8785 sorts property names by their UTF-16 code units; UTF-16BE bytes sort the same way
        names = sorted(value, key=lambda name: name.encode("utf-16-be"))
        return "{" + ",".join(jcs(name) + ":" + jcs(value[name]) for name in names) + "}"
    raise TypeError(type(value))


def jcs_form(envelope: dict) -> bytes:
    return jcs(envelope).encode("utf-8")


def check_jcs_against_published_samples():
    # cyberphone/json-canonicalization testdata/input|output/values.json (the RFC 8785 3.2.3 sample)
    values_in = ('{\n  "numbers": [1E30, 4.50, 333333333.33333329, 2e-3, 0.000000000000000000000000001],\n'
                 '  "escaping": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",\n'
                 '  "literals": [null, true, false]\n}')
    values_out = ('{"escaping":"\u20ac$\\u000f\\nA\'B\\"\\\\\\\\\\"/","literals":[null,true,false],'
                  '"numbers":[1e+30,4.5,333333333.3333333,0.002,1e-27]}')
    assert jcs(json.loads(values_in)) == values_out, jcs(json.loads(values_in))
    # testdata/input|output/weird.json: property sorting by UTF-16 code units
    weird_in = ('{"\\u20ac": "Euro Sign", "1": "One", "\\u0080": "Control\\u007f", "\\ud83d\\ude02": "Smiley",'
                ' "\\u00f6": "Latin Small Letter O With Diaeresis", "\\ufb33": "Hebrew Letter Dalet With Dagesh",'
                ' "</script>": "Browser Challenge"}')
    weird_out = ('{"1":"One","</script>":"Browser Challenge","\u0080":"Control\u007f",'
                 '"\u00f6":"Latin Small Letter O With Diaeresis","\u20ac":"Euro Sign","\U0001F602":"Smiley",'
                 '"\ufb33":"Hebrew Letter Dalet With Dagesh"}')
    assert jcs(json.loads(weird_in)) == weird_out, jcs(json.loads(weird_in))
    # ECMAScript's switch points between plain and exponent notation
    for number, text in [(1e21, "1e+21"), (1e20, "100000000000000000000"), (1e-6, "0.000001"),
                         (1e-7, "1e-7"), (-0.0, "0"), (5e-324, "5e-324"), (1234.0, "1234"),
                         (1.7976931348623157e308, "1.7976931348623157e+308"), (9007199254740992, "9007199254740992")]:
        assert es_number(float(number)) == text, (number, es_number(float(number)))


# ---- the vectors ------------------------------------------------------------------------------

def envelope(n: int, sender: str, recipient, kind: str, payload: dict, timestamp: str, **extra) -> dict:
    env = {
        "id": "00000000-0000-4000-8000-%012d" % n,
        "correlation_id": extra.pop("correlation_id", None),
        "timestamp": timestamp,
        "from": sender,
        "to": recipient,
        "type": kind,
        "payload": payload,
        "version": "1.0",
    }
    env.update(extra)
    return env


def python_vector(name, key, env, wire_ascii=True, note=""):
    signing_input = python_form(env)
    signed = dict(env, signature=key.sign(signing_input))
    canonical = jcs_form(env)
    return {
        "name": name,
        "note": note,
        "key": key.name,
        "signed_over": "PYTHON",
        # the verifier tries RFC 8785 first: when both forms are the same bytes it reports JCS
        "expected_form": "JCS" if canonical == signing_input else "PYTHON",
        # what the seed SDK puts on the wire: json.dumps(envelope), ASCII-escaped unless told otherwise
        "frame": json.dumps(signed, ensure_ascii=wire_ascii),
        "python": signing_input.decode("utf-8"),
        "jcs": canonical.decode("utf-8"),
        "signature": signed["signature"],
    }


def jcs_vector(name, key, env, frame=None, note=""):
    # a hand-written frame keeps number literals json.dumps cannot write (4.50, 1E30); what is
    # signed is always RFC 8785 of the parsed value
    if frame is not None:
        parsed = json.loads(frame)
        assert "signature" not in parsed
        env = parsed
    canonical = jcs_form(env)
    signature = key.sign(canonical)
    if frame is None:
        frame = json.dumps(dict(env, signature=signature), ensure_ascii=False)
    else:
        frame = frame.rstrip()[:-1].rstrip() + ', "signature": "' + signature + '"}'
    assert json.loads(frame)["signature"] == signature
    return {
        "name": name,
        "note": note,
        "key": key.name,
        "signed_over": "JCS",
        "expected_form": "JCS",
        "frame": frame,
        "jcs": canonical.decode("utf-8"),
        "signature": signature,
    }


def main():
    check_jcs_against_published_samples()
    alice, bob, carol = Key("alice"), Key("bob"), Key("carol")
    naive = "2026-01-12T10:00:00.123456"
    vectors = [
        python_vector("python-legacy-register", alice, envelope(
            1, alice.legacy_did, alice.legacy_did, "REGISTER", {"public_key": base58(alice.public)}, naive),
            note="the seed SDK's REGISTER: legacy DID, to itself, naive timestamp"),
        python_vector("python-legacy-offer-unicode", alice, envelope(
            2, alice.legacy_did, bob.legacy_did, "OFFER",
            {"sdp": "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\n",
             "note": "Gr\u00fc\u00dfe, \u4e16\u754c \U0001F680 \u2014 na\u00efve caf\u00e9"},
            "2026-01-12T10:00:01.000001"),
            note="non-ASCII text: \\u escapes (with surrogate pairs) in the Python form, raw UTF-8 in JCS"),
        python_vector("python-standard-exec-response-floats", bob, envelope(
            3, bob.did, alice.did, "EXEC_RESPONSE",
            {"status": "success", "result": {"score": 0.1, "total": 1234.0, "tiny": 1e-07, "huge": 1e+22,
                                             "neg": -2.5, "zero": 0.0, "count": 3, "list": [1.0, 2, 3.5]},
             "execution_time_ms": 1234.0},
            naive + "Z", correlation_id="00000000-0000-4000-8000-000000000002"),
            note="floats as Python prints them (1234.0, 1e-07, 1e+22, 0.0): the Python form keeps the literals"),
        python_vector("python-standard-intent-escapes-and-key-order", carol, envelope(
            4, carol.did, "did:key:gateway", "INTENT",
            {"task": "summarize", "params": {
                "text": "tab\there \"quoted\" back\\slash </script> ctrl\u0001 del\u007f sep\u2028 end",
                "e": 1, "\u00e9": 2, "\ue000": 3, "\U0001F600": 4, "Z": 5, "a": 6}},
            naive),
            wire_ascii=False,
            note="keys beyond the BMP sort differently (code points in Python, UTF-16 units in JCS);"
                 " the frame itself is raw UTF-8"),
        python_vector("python-standard-big-integer", alice, envelope(
            5, alice.did, bob.did, "EXEC_REQUEST",
            {"capability": "math.add", "args": {"n": 12345678901234567890, "m": -9007199254740993},
             "timeout_ms": 5000}, naive),
            note="integers beyond 2^53: JCS rounds them to doubles, the Python form keeps them"),
        python_vector("python-ascii-ints-same-as-jcs", bob, envelope(
            6, bob.legacy_did, "did:key:gateway", "PING", {"sequence": 7}, naive),
            note="ASCII and integers only: both forms are the same bytes, so the verifier reports JCS"),
        jcs_vector("jcs-standard-offer-unicode", alice, envelope(
            7, alice.did, bob.did, "OFFER",
            {"sdp": "v=0\r\n", "note": "Gr\u00fc\u00dfe \U0001F680", "weight": 1234.0, "ratio": 0.5},
            "2026-01-12T10:00:02Z")),
        jcs_vector("jcs-standard-key-order", carol, envelope(
            8, carol.did, alice.did, "EXEC_REQUEST",
            {"capability": "sort.keys", "args": {"\ue000": 1, "\U0001F600": 2, "\u00e9": 3, "e": 4, "E": 5},
             "timeout_ms": 250}, "2026-01-12T10:00:03.5Z"),
            note="property names sorted by UTF-16 code units"),
        jcs_vector("jcs-legacy-ping", bob, envelope(
            9, bob.legacy_did, "did:key:gateway", "PING", {"sequence": 1}, naive)),
        jcs_vector("jcs-number-literals", alice, None, frame=(
            '{"id": "00000000-0000-4000-8000-000000000010", "timestamp": "2026-01-12T10:00:04Z",'
            ' "from": "' + alice.did + '", "to": "' + bob.did + '", "type": "EXEC_RESPONSE",'
            ' "payload": {"status": "success", "result": {"a": 4.50, "b": 1E30, "c": 2e-3,'
            ' "d": 0.000000000000000000000000001, "e": 333333333.33333329, "f": 100.0, "g": 1e2,'
            ' "h": -0.0, "i": 1e21, "j": 123456789012345678901234567890}},'
            ' "x_unknown": {"kept": [true, false, null]}}'),
            note="number literals RFC 8785 rewrites (4.50 -> 4.5, 1E30 -> 1e+30, 100.0 and 1e2 -> 100);"
                 " no version and no correlation_id: absent stays absent; an unknown top-level field"),
    ]
    out = {
        "generator": "make_vectors.py",
        "description": "Envelope signatures made with Python's cryptography package over the Python form"
                       " (seed SDK) and over RFC 8785 bytes; see make_vectors.py.",
        "keys": [key.as_json() for key in (alice, bob, carol)],
        "vectors": vectors,
    }
    json.dump(out, sys.stdout, indent=2, ensure_ascii=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
