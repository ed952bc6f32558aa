package porttracer.search;

import com.unboundid.ldap.sdk.BindRequest;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in against an LDAP directory (OpenLDAP, Active Directory), tried when no local user matches:
 * the service account finds the user, a bind as the user checks the password, the user's groups
 * (optionally nested) give the highest mapped role. Directory users are named {@code user@ldap}.
 * Successes are remembered for {@code ldap.cache-seconds}, like local passwords, so a group change
 * takes effect within that time.
 */
public final class DirectoryLogin implements AutoCloseable {

    static final String SUFFIX = "@ldap";

    /** Why a sign-in did not give a user; each maps to one HTTP answer. */
    enum Status { OK, BAD_CREDENTIALS, NO_ROLE, DISABLED, UNAVAILABLE }

    record Result(Status status, Users.User user, boolean checked) {
    }

    private record Cached(byte[] passwordDigest, Result result, long expiresAtNanos) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryLogin.class);
    /** Active Directory's LDAP_MATCHING_RULE_IN_CHAIN: membership through any depth of nesting. */
    private static final String IN_CHAIN = "1.2.840.113556.1.4.1941";
    /** Account state: AD's userAccountControl (bit 2 = disabled) and lockoutTime; OpenLDAP ppolicy's pwdAccountLockedTime. */
    private static final String[] STATE_ATTRS = {"userAccountControl", "lockoutTime", "pwdAccountLockedTime"};
    private static final String[] MEMBER_ATTRS = {"member", "uniqueMember"};
    private static final int MAX_NESTING = 10;

    private final DirectorySettings cfg;
    private final LDAPConnectionPool pool;
    private final ConcurrentHashMap<String, Cached> passwords = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Cached> tokenOwners = new ConcurrentHashMap<>();
    private final Counter outcomes;

    private DirectoryLogin(DirectorySettings cfg, LDAPConnectionPool pool, Counter outcomes) {
        this.cfg = cfg;
        this.pool = pool;
        this.outcomes = outcomes;
    }

    /** A directory login, or one that is off ({@link #enabled()} false) when no URL is configured. */
    static DirectoryLogin create(DirectorySettings cfg, PrometheusRegistry registry) {
        if (!cfg.enabled()) {
            return new DirectoryLogin(cfg, null, null);
        }
        Counter outcomes = Counter.builder().name("porttracer_directory_logins_total")
                .help("Directory sign-in and token-owner checks by outcome").labelNames("outcome").register(registry);
        try {
            return new DirectoryLogin(cfg, pool(cfg), outcomes);
        } catch (LDAPException | GeneralSecurityException e) {
            throw new IllegalArgumentException("directory settings: " + e.getMessage(), e);
        }
    }

    boolean enabled() {
        return pool != null;
    }

    static boolean isDirectoryName(String username) {
        return username.endsWith(SUFFIX);
    }

    private static LDAPConnectionPool pool(DirectorySettings cfg) throws LDAPException, GeneralSecurityException {
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis((int) cfg.timeout().toMillis());
        options.setResponseTimeoutMillis(cfg.timeout().toMillis());
        options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
        SSLContext tls = TlsTrust.context(cfg.caFile());
        List<ServerSet> servers = new ArrayList<>();
        for (LDAPURL url : cfg.urls()) {
            boolean ldaps = url.getScheme().equals("ldaps");
            SocketFactory sockets = ldaps ? tls.getSocketFactory() : SocketFactory.getDefault();
            // StartTLS upgrades plain ldap:// connections before anything, the service bind included, is sent.
            servers.add(new SingleServerSet(url.getHost(), url.getPort(), sockets, options, null,
                    !ldaps && cfg.startTls() ? new StartTLSPostConnectProcessor(tls) : null));
        }
        BindRequest service = cfg.bindDn().isEmpty() ? new SimpleBindRequest()
                : new SimpleBindRequest(cfg.bindDn(), cfg.bindPassword());
        // No connection at start: the API starts (and local users sign in) while the directory is down.
        LDAPConnectionPool pool = new LDAPConnectionPool(new FailoverServerSet(servers), service, 0, 8, null, false);
        pool.setCreateIfNecessary(true);
        pool.setMaxWaitTimeMillis(cfg.timeout().toMillis());
        pool.setConnectionPoolName("porttracer-directory");
        pool.setRetryFailedOperationsDueToInvalidConnections(EnumSet.of(OperationType.SEARCH, OperationType.BIND));
        return pool;
    }

    /** Checks a directory password; {@code username} is what the user typed (without {@value #SUFFIX}). */
    Result login(String username, String password) {
        String name = normalise(username);
        if (name == null || password.isEmpty()) {
            // An empty password would be an unauthenticated bind, which servers accept (RFC 4513 5.1.2).
            return count(new Result(Status.BAD_CREDENTIALS, null, true));
        }
        byte[] digest = Users.sha256(password);
        Cached c = passwords.get(name);
        if (c != null && c.expiresAtNanos - System.nanoTime() > 0 && MessageDigest.isEqual(c.passwordDigest, digest)) {
            return new Result(Status.OK, c.result.user(), false);
        }
        Result r = count(check(name, password));
        if (r.status() == Status.OK) {
            passwords.put(name, new Cached(digest, r, System.nanoTime() + cfg.cacheTtl().toNanos()));
        } else {
            passwords.remove(name);
        }
        return r;
    }

    /** A token owner's current role (tokens follow group changes), cached like passwords. */
    Result current(String qualifiedName) {
        String name = qualifiedName.substring(0, qualifiedName.length() - SUFFIX.length());
        if (!enabled()) {
            return new Result(Status.UNAVAILABLE, null, true);
        }
        Cached c = tokenOwners.get(name);
        if (c != null && c.expiresAtNanos - System.nanoTime() > 0) {
            return c.result;
        }
        Result r = count(check(name, null));
        if (r.status() != Status.UNAVAILABLE) {
            tokenOwners.put(name, new Cached(null, r, System.nanoTime() + cfg.cacheTtl().toNanos()));
        }
        return r;
    }

    /** Lower case, trimmed; null when it cannot be a user name (empty, too long, control characters). */
    private static String normalise(String username) {
        String n = username.strip().toLowerCase(Locale.ROOT);
        if (n.isEmpty() || n.length() > 100 || n.endsWith(SUFFIX) || n.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f)) {
            return null;
        }
        return n;
    }

    /** Finds the user, checks the password (unless null: a token owner), state and groups. */
    private Result check(String name, String password) {
        try {
            SearchResultEntry entry = findUser(name);
            if (entry == null) {
                return new Result(Status.BAD_CREDENTIALS, null, true);
            }
            if (disabled(entry)) {
                return new Result(Status.DISABLED, null, true);
            }
            if (password != null && !bind(entry.getDN(), password)) {
                return new Result(Status.BAD_CREDENTIALS, null, true);
            }
            Role role = highestRole(groups(entry.getParsedDN(), name));
            if (role == null) {
                return new Result(Status.NO_ROLE, null, true);
            }
            return new Result(Status.OK, new Users.User(name + SUFFIX, role), true);
        } catch (LDAPException e) {
            LOG.atWarn().addKeyValue("user", name + SUFFIX).addKeyValue("resultCode", e.getResultCode().getName())
                    .addKeyValue("error", e.getExceptionMessage()).log("directory unavailable");
            return new Result(Status.UNAVAILABLE, null, true);
        }
    }

    private SearchResultEntry findUser(String name) throws LDAPException {
        // RFC 4515 escaping: a name like "*)(uid=*" is matched literally and cannot widen the filter.
        Filter filter = Filter.create(cfg.userFilter().replace("{0}", Filter.encodeValue(name)));
        SearchRequest req = new SearchRequest(cfg.userBase().toString(), SearchScope.SUB, filter, STATE_ATTRS);
        req.setSizeLimit(2);
        SearchResult result;
        try {
            result = pool.search(req);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
                LOG.atWarn().addKeyValue("user", name + SUFFIX).log("several directory entries match the user name: refused");
                return null;
            }
            throw e;
        }
        return result.getEntryCount() == 1 ? result.getSearchEntries().get(0) : null;
    }

    private static boolean disabled(SearchResultEntry e) {
        Long uac = e.getAttributeValueAsLong("userAccountControl");
        Long lockout = e.getAttributeValueAsLong("lockoutTime");
        return (uac != null && (uac & 0x2) != 0) || (lockout != null && lockout != 0) || e.hasAttribute("pwdAccountLockedTime");
    }

    private boolean bind(String dn, String password) throws LDAPException {
        try {
            pool.bindAndRevertAuthentication(dn, password);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw e;
        }
    }

    /** Group DNs the user belongs to: direct, or through nesting as configured. */
    private Set<DN> groups(DN user, String name) throws LDAPException {
        Set<DN> found = new HashSet<>();
        if (cfg.nesting() == DirectorySettings.Nesting.IN_CHAIN) {
            found.addAll(memberOf(Filter.createExtensibleMatchFilter("member", IN_CHAIN, false, user.toString())));
            return found;
        }
        List<DN> frontier = List.of(user);
        for (int depth = 0; depth < MAX_NESTING && !frontier.isEmpty(); depth++) {
            List<Filter> any = new ArrayList<>();
            for (DN d : frontier) {
                for (String attr : MEMBER_ATTRS) {
                    any.add(Filter.createEqualityFilter(attr, d.toString()));
                }
            }
            if (depth == 0) {
                any.add(Filter.createEqualityFilter("memberUid", name));
            }
            List<DN> next = new ArrayList<>();
            for (DN g : memberOf(Filter.createORFilter(any))) {
                if (found.add(g)) {
                    next.add(g);
                }
            }
            if (cfg.nesting() == DirectorySettings.Nesting.OFF) {
                break;
            }
            frontier = next;
        }
        return found;
    }

    private List<DN> memberOf(Filter filter) throws LDAPException {
        SearchResult r = pool.search(cfg.groupBase().toString(), SearchScope.SUB, filter, "1.1");
        List<DN> out = new ArrayList<>();
        for (SearchResultEntry e : r.getSearchEntries()) {
            out.add(e.getParsedDN());
        }
        return out;
    }

    private Role highestRole(Set<DN> groups) {
        Role best = null;
        for (var m : cfg.groupRoles().entrySet()) {
            if (groups.contains(m.getKey()) && (best == null || m.getValue().atLeast(best))) {
                best = m.getValue();
            }
        }
        return best;
    }

    private Result count(Result r) {
        outcomes.labelValues(r.status().name().toLowerCase(Locale.ROOT)).inc();
        return r;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
