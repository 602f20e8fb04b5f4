package io.aiconexus.gateway.console.internal;

import org.owasp.encoder.Encode;

/**
 * Escaping for the console page. Besides HTML, the Web Console runs every HTML page through its
 * template filter, which replaces {@code ${key}} and drops a backslash before {@code $}: so
 * {@code $} is written as a character reference, and a DID or capability name is shown as sent.
 */
final class Html {

    private Html() {
    }

    static String text(Object value) {
        return Encode.forHtml(String.valueOf(value)).replace("$", "&#36;");
    }

    static String attribute(Object value) {
        return Encode.forHtmlAttribute(String.valueOf(value)).replace("$", "&#36;");
    }
}
