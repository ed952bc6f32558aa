package porttracer.search;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import porttracer.config.Settings;

/**
 * Directory sign-in settings ({@code PORTTRACER_LDAP_*}); {@link #enabled()} is false when no URL is
 * set. Malformed values fail at start-up with the setting's name, never at a user's first sign-in.
 */
record DirectorySettings(List<LDAPURL> urls, boolean startTls, String caFile, String bindDn, String bindPassword,
                         DN userBase, String userFilter, Map<DN, Role> groupRoles, Nesting nesting, DN groupBase,
                         Duration cacheTtl, Duration timeout) {

    /** How group membership is read: direct only, Active Directory's in-chain rule, or walking up group by group. */
    enum Nesting { OFF, IN_CHAIN, RECURSIVE }

    boolean enabled() {
        return !urls.isEmpty();
    }

    @Override
    public String toString() {
        // The bind password stays out of logs and exception messages.
        return "DirectorySettings[urls=" + urls + ", startTls=" + startTls + ", bindDn=" + bindDn + ", userBase="
                + userBase + ", groups=" + groupRoles.keySet() + ", nesting=" + nesting + "]";
    }

    static DirectorySettings from(Settings s) {
        List<LDAPURL> urls = new ArrayList<>();
        for (String u : s.get("ldap.url").trim().split("[\\s,]+")) {
            if (u.isEmpty()) {
                continue;
            }
            try {
                LDAPURL url = new LDAPURL(u);
                if (!url.getScheme().equals("ldap") && !url.getScheme().equals("ldaps")) {
                    throw new IllegalArgumentException(Settings.envName("ldap.url") + ": only ldap:// and ldaps:// are supported, got " + u);
                }
                urls.add(url);
            } catch (LDAPException e) {
                throw new IllegalArgumentException(Settings.envName("ldap.url") + ": malformed URL " + u + ": " + e.getMessage(), e);
            }
        }
        Map<DN, Role> roles = groupRoles(s.get("ldap.group-roles"));
        DN userBase = dn(s, "ldap.user-base");
        String filter = s.get("ldap.user-filter").trim();
        if (!filter.contains("{0}")) {
            throw new IllegalArgumentException(Settings.envName("ldap.user-filter") + " must contain {0}, the user name");
        }
        try {
            Filter.create(filter.replace("{0}", "name"));
        } catch (LDAPException e) {
            throw new IllegalArgumentException(Settings.envName("ldap.user-filter") + " is not an LDAP filter (RFC 4515): "
                    + e.getExceptionMessage(), e);
        }
        if (!urls.isEmpty() && roles.isEmpty()) {
            throw new IllegalArgumentException(Settings.envName("ldap.group-roles") + " is needed with "
                    + Settings.envName("ldap.url") + ": without a group mapped to a role nobody could sign in");
        }
        DN groupBase = s.get("ldap.group-base").isBlank() ? commonSuffix(userBase, roles.keySet()) : dn(s, "ldap.group-base");
        return new DirectorySettings(List.copyOf(urls), s.getBoolean("ldap.starttls"), s.get("ldap.ca-file").trim(),
                s.get("ldap.bind-dn").trim(), s.get("ldap.bind-password"), userBase, filter, roles,
                nesting(s.get("ldap.nested-groups")), groupBase, s.getSeconds("ldap.cache-seconds"),
                s.getSeconds("ldap.timeout-seconds"));
    }

    /** {@code <group DN>=<role>} pairs separated by ';'; the role follows the DN's last '='. */
    static Map<DN, Role> groupRoles(String text) {
        Map<DN, Role> out = new LinkedHashMap<>();
        for (String pair : text.split(";")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.lastIndexOf('=');
            String where = Settings.envName("ldap.group-roles") + ": '" + pair.trim() + "'";
            if (eq <= 0) {
                throw new IllegalArgumentException(where + " is not <group DN>=<role>");
            }
            try {
                out.put(new DN(pair.substring(0, eq).trim()), Role.of(pair.substring(eq + 1).trim()));
            } catch (LDAPException e) {
                throw new IllegalArgumentException(where + " has a malformed DN: " + e.getMessage(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": the role must be oss, netadmin or superadmin", e);
            }
        }
        return out;
    }

    private static Nesting nesting(String v) {
        return switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "", "off", "false", "no" -> Nesting.OFF;
            case "in-chain", "ad" -> Nesting.IN_CHAIN;
            case "recursive", "true", "yes" -> Nesting.RECURSIVE;
            default -> throw new IllegalArgumentException(Settings.envName("ldap.nested-groups")
                    + " must be off, in-chain (Active Directory) or recursive, got " + v);
        };
    }

    private static DN dn(Settings s, String key) {
        try {
            return new DN(s.get(key).trim());
        } catch (LDAPException e) {
            throw new IllegalArgumentException(Settings.envName(key) + ": malformed DN: " + e.getMessage(), e);
        }
    }

    /** The deepest entry above the user base and every mapped group: where member-of searches start. */
    private static DN commonSuffix(DN userBase, Iterable<DN> groups) {
        DN base = userBase;
        for (DN g : groups) {
            while (base != null && !base.isNullDN() && !g.isDescendantOf(base, true)) {
                base = base.getParent();
            }
        }
        return base == null ? DN.NULL_DN : base;
    }
}
