package porttracer.events;

import java.net.InetSocketAddress;
import java.util.Optional;

/** A listen address setting, {@code host:port} ({@code [v6]:port} for IPv6); empty means off. */
final class ListenAddress {

    private ListenAddress() {
    }

    /** @throws IllegalArgumentException naming the setting when the value is not host:port */
    static Optional<InetSocketAddress> parse(String envName, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        int colon = v.lastIndexOf(':');
        if (colon <= 0 || colon == v.length() - 1) {
            throw new IllegalArgumentException(envName + " must be host:port (e.g. 0.0.0.0:162), not '" + v + "'");
        }
        String host = v.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(v.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(envName + " port must be a number, not '" + v.substring(colon + 1) + "'", e);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(envName + " port must be 0..65535, not " + port);
        }
        return Optional.of(new InetSocketAddress(host, port));
    }
}
