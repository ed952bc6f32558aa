package porttracer.search;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import porttracer.alert.NetworkRange;
import porttracer.config.StartupException;

/**
 * Whose {@code X-Forwarded-For} is believed ({@code api.trusted-proxies}: addresses and CIDRs, comma-separated).
 * The client is the right-most address not a trusted proxy, walking the header from the peer leftwards, so a
 * client cannot choose the address that lockout, quotas and audit see by sending the header itself.
 */
final class TrustedProxies {

    private final List<NetworkRange> trusted;

    private TrustedProxies(List<NetworkRange> trusted) {
        this.trusted = trusted;
    }

    static TrustedProxies parse(String list) {
        List<NetworkRange> out = new ArrayList<>();
        for (String item : list.split(",")) {
            String s = item.strip();
            if (s.isEmpty()) {
                continue;
            }
            int slash = s.indexOf('/');
            byte[] addr = literal(slash < 0 ? s : s.substring(0, slash));
            int bits = addr == null ? -1 : addr.length * 8;
            if (addr != null && slash >= 0) {
                try {
                    bits = Integer.parseInt(s.substring(slash + 1));
                } catch (NumberFormatException e) {
                    bits = -1;
                }
            }
            if (addr == null || bits < 0 || bits > addr.length * 8) {
                throw new StartupException("PORTTRACER_API_TRUSTED_PROXIES: \"" + s + "\" is not an IP address or CIDR");
            }
            out.add(new NetworkRange(addr, bits));
        }
        return new TrustedProxies(List.copyOf(out));
    }

    boolean trusts(String address) {
        byte[] a = literal(address);
        return a != null && trusted.stream().anyMatch(c -> c.contains(a));
    }

    /** The client's address: the peer's own unless the peer is a trusted proxy and says otherwise. */
    String clientAddress(String peer, String forwardedFor) {
        if (forwardedFor == null || !trusts(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        String client = peer;
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (literal(hop) == null) {
                // Garbage in the header: stop at the last address we could vouch for.
                return client;
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    /** Bytes of an IP literal (never a DNS lookup), or null. */
    private static byte[] literal(String s) {
        // Only address characters: anything else would make InetAddress ask DNS.
        if (s == null || s.isEmpty() || !s.chars().allMatch(ch -> ch == '.' || ch == ':' || ch == '[' || ch == ']'
                || Character.digit(ch, 16) >= 0)) {
            return null;
        }
        String v = s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1) : s;
        if (v.indexOf(':') < 0 && v.split("\\.", -1).length != 4) {
            return null;
        }
        try {
            return InetAddress.getByName(v).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }
}
