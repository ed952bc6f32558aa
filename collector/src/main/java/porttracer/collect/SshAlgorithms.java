package porttracer.collect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;

/**
 * sshj configurations: modern algorithms only (the default), or those plus the legacy ones that old
 * PowerConnect/OS9 firmware is limited to. Legacy means SHA-1 Diffie-Hellman key exchange
 * (group1, group14, group-exchange), CBC ciphers and SHA-1 host key signatures (ssh-rsa, ssh-dss),
 * the sets OpenSSH 7.0-8.8 disabled by default (OpenSSH legacy.html).
 */
public final class SshAlgorithms {

    static final Set<String> LEGACY_KEX = Set.of("diffie-hellman-group1-sha1", "diffie-hellman-group14-sha1",
            "diffie-hellman-group-exchange-sha1");
    static final Set<String> LEGACY_CIPHERS = Set.of("aes128-cbc", "aes192-cbc", "aes256-cbc", "3des-cbc");
    static final Set<String> LEGACY_HOST_KEYS = Set.of("ssh-rsa", "ssh-dss");
    // Ciphers and MACs neither modern nor asked for by any Dell firmware: never offered.
    private static final Set<String> MODERN_CIPHERS = Set.of("aes128-gcm@openssh.com", "aes128-ctr",
            "aes256-gcm@openssh.com", "aes256-ctr", "aes192-ctr", "chacha20-poly1305@openssh.com");
    private static final Set<String> MACS = Set.of("hmac-sha2-256", "hmac-sha2-512", "hmac-sha2-256-etm@openssh.com",
            "hmac-sha2-512-etm@openssh.com", "hmac-sha1");

    static final DefaultConfig MODERN = build(false);
    static final DefaultConfig LEGACY = build(true);

    private SshAlgorithms() {
    }

    static DefaultConfig of(boolean legacy) {
        return legacy ? LEGACY : MODERN;
    }

    private static DefaultConfig build(boolean legacy) {
        // Building a config (algorithm lists, random source) is costly; one of each serves every client.
        DefaultConfig c = new DefaultConfig();
        // Keep-alive requests that expect replies detect a dead switch while a session idles in the pool.
        c.setKeepAliveProvider(net.schmizz.keepalive.KeepAliveProvider.KEEP_ALIVE);
        c.setKeyExchangeFactories(keep(c.getKeyExchangeFactories(), n -> !LEGACY_KEX.contains(n) || legacy));
        c.setKeyAlgorithms(keep(c.getKeyAlgorithms(), n -> !n.contains("-cert-v01@") && (legacy || !LEGACY_HOST_KEYS.contains(n))));
        var ciphers = keep(c.getCipherFactories(), n -> MODERN_CIPHERS.contains(n) || legacy && LEGACY_CIPHERS.contains(n));
        // AES (hardware-accelerated) ahead of ChaCha20, whose per-packet cost showed in the poll profile.
        ciphers.sort(Comparator.comparingInt(f -> switch (f.getName()) {
            case "aes128-gcm@openssh.com" -> 0;
            case "aes128-ctr" -> 1;
            case "aes256-gcm@openssh.com" -> 2;
            case "aes256-ctr" -> 3;
            default -> 4;
        }));
        c.setCipherFactories(ciphers);
        c.setMACFactories(keep(c.getMACFactories(), MACS::contains));
        return c;
    }

    private static <T extends Factory.Named<?>> List<T> keep(List<T> all, java.util.function.Predicate<String> keep) {
        List<T> out = new ArrayList<>();
        for (T f : all) {
            if (keep.test(f.getName())) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Explains a failed algorithm negotiation: sshj's "Unable to reach a settlement: [ours] and [theirs]"
     * names no family, so the family is the one whose legacy names the switch's list holds.
     * Null when the message is not a negotiation failure.
     */
    static String explainNoSettlement(String message, boolean legacyOn) {
        if (message == null || !message.contains("Unable to reach a settlement")) {
            return null;
        }
        int and = message.lastIndexOf(" and [");
        String theirs = and < 0 ? "" : message.substring(and + 6).replace("]", "");
        List<String> offered = List.of(theirs.split(","));
        String family = null;
        List<String> legacyOffered = new ArrayList<>();
        for (var f : List.of(java.util.Map.entry("key exchange", LEGACY_KEX), java.util.Map.entry("cipher", LEGACY_CIPHERS),
                java.util.Map.entry("host key", LEGACY_HOST_KEYS))) {
            for (String n : offered) {
                if (f.getValue().contains(n.strip())) {
                    family = family == null ? f.getKey() : family;
                    if (family.equals(f.getKey())) {
                        legacyOffered.add(n.strip());
                    }
                }
            }
            if (family != null) {
                break;
            }
        }
        if (family == null || legacyOn) {
            return "no common SSH algorithm with the switch, which offers only: " + theirs;
        }
        return "the switch offers only legacy " + family + " algorithms (" + String.join(", ", legacyOffered)
                + "); set legacyCrypto: true on this switch to allow them";
    }
}
