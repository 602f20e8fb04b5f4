package io.aiconexus.gateway.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void markupIsText() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.text("<script>alert(1)</script>"));
        assertEquals("a&#39; onclick=&#39;x", Html.attribute("a' onclick='x"));
    }

    @Test
    void consoleTemplateVariablesAreNotExpanded() {
        assertEquals("&#36;{appRoot}", Html.text("${appRoot}"));
        assertEquals("\\&#36;{x}", Html.text("\\${x}"));
        assertEquals("&#36;{pluginRoot}", Html.attribute("${pluginRoot}"));
    }
}
