package io.aiconexus.gateway.console.internal;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.runtime.HttpServiceRuntime;

/**
 * Says where the Web Console is once its HTTP server runs, and, at the start that generated it,
 * the console password: on standard output like the gateway's banner, never in the log.
 */
@Component(immediate = true, service = {})
public class ConsoleBanner {
    static final String ENDPOINT = "osgi.http.endpoint";
    private static final String RULE = "=".repeat(70);

    @Activate
    public ConsoleBanner(@Reference(name = "password") ConsolePassword password,
            @Reference(name = "http", service = HttpServiceRuntime.class) Map<String, Object> http, BundleContext context) {
        String root = context.getProperty("felix.webconsole.manager.root");
        print(System.out, consoleUrls(http.get(ENDPOINT), root == null ? "/system/console" : root), password);
    }

    static void print(PrintStream out, List<String> urls, ConsolePassword password) {
        StringBuilder text = new StringBuilder();
        text.append(RULE).append('\n');
        text.append("  Web Console: ").append(urls.isEmpty() ? "(no HTTP endpoint)" : String.join("  ", urls))
                .append('\n');
        text.append("  User: ").append(password.username()).append('\n');
        if (password.generated().isPresent()) {
            text.append("  Password: ").append(password.generated().get()).append('\n');
            text.append("  (generated at first start and shown only now; kept in ").append(password.file())
                    .append(", readable by its owner only)\n");
        } else {
            text.append("  Password: as configured (").append(ConsolePassword.WEBCONSOLE_PID).append(")\n");
        }
        text.append(RULE).append('\n');
        out.print(text);
        out.flush();
    }

    /** The console's address on each endpoint, e.g. {@code http://127.0.0.1:8080/system/console}. */
    static List<String> consoleUrls(Object endpoints, String root) {
        List<String> urls = new ArrayList<>();
        if (endpoints instanceof String single) {
            urls.add(join(single, root));
        } else if (endpoints instanceof String[] many) {
            for (String endpoint : many) {
                urls.add(join(endpoint, root));
            }
        } else if (endpoints instanceof Collection<?> many) {
            many.forEach(endpoint -> urls.add(join(String.valueOf(endpoint), root)));
        }
        return urls;
    }

    private static String join(String endpoint, String root) {
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        return base + (root.startsWith("/") ? root : "/" + root);
    }
}
