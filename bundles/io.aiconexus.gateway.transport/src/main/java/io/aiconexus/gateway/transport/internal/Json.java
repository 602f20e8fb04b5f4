package io.aiconexus.gateway.transport.internal;

/** The few JSON bodies the transport writes itself (refusals, HTTP errors): no JSON library needed for these. */
final class Json {

    private Json() {
    }

    /** {"error":code,"message":message} plus fields given as name, value pairs (numbers stay numbers). */
    static String error(String code, String message, Object... fields) {
        StringBuilder json = new StringBuilder(64).append("{\"error\":").append(quote(code))
                .append(",\"message\":").append(quote(message));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            Object value = fields[i + 1];
            json.append(',').append(quote(String.valueOf(fields[i]))).append(':')
                    .append(value instanceof Number ? value.toString() : quote(String.valueOf(value)));
        }
        return json.append('}').toString();
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
