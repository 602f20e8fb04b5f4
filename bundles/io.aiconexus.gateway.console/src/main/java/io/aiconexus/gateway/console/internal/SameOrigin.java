package io.aiconexus.gateway.console.internal;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Refuses a state-changing request that a browser sends for another site (cross-site request
 * forgery): the console's Basic authentication would otherwise go along with it. Browsers say
 * where a request comes from ({@code Sec-Fetch-Site}, {@code Origin}); scripts such as curl send
 * neither and are let through, since they hold the password themselves.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean allows(HttpServletRequest request) {
        return allows(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"), request.getHeader("Host"));
    }

    static boolean allows(String fetchSite, String origin, String host) {
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return false;
        }
        if (origin == null) {
            return true;
        }
        if (host == null) {
            return false;
        }
        try {
            String authority = URI.create(origin.trim()).getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
