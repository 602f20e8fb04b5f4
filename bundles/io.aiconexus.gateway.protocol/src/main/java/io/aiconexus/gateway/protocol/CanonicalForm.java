package io.aiconexus.gateway.protocol;

/** The two canonical JSON forms a signature may be computed over (PROTOCOL.md section 4). */
public enum CanonicalForm {
    /** RFC 8785 JSON Canonicalization Scheme: what this project signs with. */
    JCS,
    /**
     * The seed SDK's {@code json.dumps(obj, sort_keys=True, separators=(",", ":"))}: ASCII-escaped
     * strings, keys sorted by code point, numbers as Python prints them.
     */
    PYTHON
}
