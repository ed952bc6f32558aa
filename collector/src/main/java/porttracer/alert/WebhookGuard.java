package porttracer.alert;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Keeps alert webhooks from reaching what a rule's author should not (SSRF): loopback, link-local
 * (169.254.0.0/16 with cloud metadata, fe80::/10), unspecified and multicast addresses, and the
 * hosts of PortTracer's own Elasticsearch, PostgreSQL and Kibana are refused; private ranges
 * (RFC 1918, RFC 4193, RFC 6598) only when an allow-listed range holds them. Names are resolved
 * and every address they give is checked, at rule creation and again before each delivery, which then
 * connects to exactly the addresses checked (a name that resolves elsewhere a moment later is not asked again).
 */
public final class WebhookGuard {

    /** A webhook URL this guard refuses, with the reason. */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message);
        }
    }

    /** Addresses a webhook may never reach, whatever the allow-list says. */
    private static final List<NetworkRange> NEVER = List.of(NetworkRange.parse("169.254.0.0/16"),
            NetworkRange.parse("fe80::/10"), NetworkRange.parse("0.0.0.0/8"), NetworkRange.parse("224.0.0.0/4"),
            NetworkRange.parse("255.255.255.255/32"), NetworkRange.parse("ff00::/8"), NetworkRange.parse("::/128"));
    /** Private and shared ranges: reachable only when allow-listed. */
    private static final List<NetworkRange> PRIVATE = List.of(NetworkRange.parse("10.0.0.0/8"),
            NetworkRange.parse("172.16.0.0/12"), NetworkRange.parse("192.168.0.0/16"),
            NetworkRange.parse("100.64.0.0/10"), NetworkRange.parse("fc00::/7"));

    /** Name resolution, a seam for tests (the system resolver otherwise). */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final List<NetworkRange> allowed;
    private final List<String> backendHosts;
    private final Resolver resolver;

    /**
     * @param allowed      ranges webhooks may reach although private (a loopback range only when listed outright)
     * @param backendHosts host names or addresses of the stores PortTracer itself uses
     */
    public WebhookGuard(List<NetworkRange> allowed, Collection<String> backendHosts) {
        this(allowed, backendHosts, InetAddress::getAllByName);
    }

    public WebhookGuard(List<NetworkRange> allowed, Collection<String> backendHosts, Resolver resolver) {
        this.allowed = List.copyOf(allowed);
        this.backendHosts = backendHosts.stream().filter(h -> h != null && !h.isBlank()).toList();
        this.resolver = resolver;
    }

    /** Parses a comma-separated list of CIDR ranges, as the allow-list setting holds it. */
    public static List<NetworkRange> ranges(String csv) {
        List<NetworkRange> out = new ArrayList<>();
        for (String part : csv.split(",")) {
            if (!part.isBlank()) {
                out.add(NetworkRange.parse(part));
            }
        }
        return out;
    }

    /** Resolves the URL's host and refuses it unless every address it gives may be reached. */
    public void check(URI url) throws Refused {
        checked(url);
    }

    /** The addresses the URL's host resolves to, once, all of them checked: the only ones a delivery may connect to. */
    public List<InetAddress> checked(URI url) throws Refused {
        String scheme = url.getScheme();
        if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || url.getHost() == null) {
            throw new Refused("webhookUrl must be an http or https URL with a host");
        }
        if (url.getUserInfo() != null) {
            throw new Refused("webhookUrl must not carry credentials; sign with the rule's secret instead");
        }
        String host = url.getHost().startsWith("[") ? url.getHost().substring(1, url.getHost().length() - 1)
                : url.getHost();
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new Refused("webhook host " + host + " does not resolve");
        }
        List<InetAddress> backends = backendAddresses();
        for (InetAddress a : addresses) {
            String why = refusal(unmapped(a), backends);
            if (why != null) {
                throw new Refused("webhook host " + host + " (" + a.getHostAddress() + ") is " + why);
            }
        }
        if (addresses.length == 0) {
            throw new Refused("webhook host " + host + " does not resolve");
        }
        return List.of(addresses);
    }

    private String refusal(InetAddress a, List<InetAddress> backends) {
        if (a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isMulticastAddress() || in(NEVER, a)) {
            return "unspecified, link-local (cloud metadata) or multicast: never a webhook";
        }
        if (backends.contains(a)) {
            return "one of PortTracer's own Elasticsearch, PostgreSQL or Kibana hosts";
        }
        if ((a.isLoopbackAddress() || a.isSiteLocalAddress() || in(PRIVATE, a)) && !in(allowed, a)) {
            return (a.isLoopbackAddress() ? "loopback" : "in a private range") + " and not in the allow-list "
                    + "(alert.webhook-allowed-networks)";
        }
        return null;
    }

    private List<InetAddress> backendAddresses() {
        List<InetAddress> out = new ArrayList<>();
        for (String h : backendHosts) {
            try {
                for (InetAddress a : resolver.resolve(h)) {
                    out.add(unmapped(a));
                }
            } catch (UnknownHostException e) {
                // A backend name that does not resolve cannot be reached through a webhook either.
            }
        }
        return out;
    }

    private static boolean in(List<NetworkRange> ranges, InetAddress a) {
        return ranges.stream().anyMatch(r -> r.contains(a));
    }

    /** ::ffff:a.b.c.d is checked as a.b.c.d, so that a mapped loopback or metadata address is caught. */
    private static InetAddress unmapped(InetAddress a) {
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address && isMapped(b)) {
            try {
                return Inet4Address.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return a;
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }
}
