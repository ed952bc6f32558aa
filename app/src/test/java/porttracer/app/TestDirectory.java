package porttracer.app;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * A real OpenLDAP (Debian's slapd, via scripts/ldap.sh) with a test tree: users in groups mapped to
 * each role, one only through a nested group, one in an unmapped group, one in no group, a locked one, and one whose
 * name is a filter-injection attempt. The service account's password is this run's planted secret.
 */
final class TestDirectory implements AutoCloseable {

    static final String BASE = "dc=example,dc=org";
    static final String SERVICE_DN = "cn=porttracer,ou=services," + BASE;
    static final String NOC = "cn=noc,ou=groups," + BASE;
    static final String OPS = "cn=ops-desk,ou=groups," + BASE;
    static final String ADMINS = "cn=superadmins,ou=groups," + BASE;
    /** A user name that would match every entry if pasted into a filter unescaped. */
    static final String INJECTION_NAME = "eve*)(uid=*";

    final int ldapPort = ScriptServer.freePort();
    final int ldapsPort = ScriptServer.freePortOtherThan(ldapPort);
    private final String rootPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
    private final ScriptServer server;

    TestDirectory(Path dir) throws Exception {
        ScriptServer.requireInstalled("/usr/sbin/slapd", "PORTTRACER_REQUIRE_LDAP", "scripts/ldap.sh install");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("tree.ldif"), tree());
        server = new ScriptServer(dir, ldapPort, Map.of("LDAP_ROOT_PASSWORD", rootPassword),
                "scripts/ldap.sh", "start", dir.toString(), Integer.toString(ldapPort), Integer.toString(ldapsPort));
        server.start();
    }

    /** The password of each test user: its name reversed plus a fixed tail. */
    static String password(String uid) {
        return new StringBuilder(uid).reverse() + "-Pw1";
    }

    Path caFile() {
        return server.dir().resolve("ca.pem");
    }

    /** Directory settings for the API: service account, user base, the three groups mapped, recursive nesting. */
    Map<String, String> settings(String urls, boolean startTls) {
        Map<String, String> s = new HashMap<>();
        s.put("ldap.url", urls);
        s.put("ldap.starttls", Boolean.toString(startTls));
        s.put("ldap.ca-file", caFile().toString());
        s.put("ldap.bind-dn", SERVICE_DN);
        s.put("ldap.bind-password", TestEnv.plantedSecret());
        s.put("ldap.user-base", "ou=people," + BASE);
        s.put("ldap.group-roles", NOC + "=netadmin;" + OPS + "=oss;" + ADMINS + "=superadmin");
        s.put("ldap.nested-groups", "recursive");
        s.put("ldap.timeout-seconds", "5");
        return s;
    }

    void stop() throws InterruptedException {
        server.stop();
    }

    void start() throws Exception {
        server.start();
    }

    /** Adds or removes a member of a group, as the directory's administrator would. */
    void membership(String groupDn, String uid, boolean add) throws LDAPException {
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", ldapPort, "cn=admin," + BASE, rootPassword)) {
            c.modify(groupDn, new Modification(add ? ModificationType.ADD : ModificationType.DELETE, "member",
                    "uid=" + uid + ",ou=people," + BASE));
        }
    }

    private static String user(String uid, String cn) {
        return "dn: " + (cn == null ? "uid=" + uid : "cn=" + cn) + ",ou=people," + BASE + "\n"
                + "objectClass: inetOrgPerson\nuid: " + uid + "\ncn: " + (cn == null ? uid : cn) + "\nsn: " + uid + "\n"
                + "userPassword: " + password(uid) + "\n\n";
    }

    private static String group(String dn, String... members) {
        StringBuilder b = new StringBuilder("dn: " + dn + "\nobjectClass: groupOfNames\ncn: "
                + dn.substring(3, dn.indexOf(',')) + "\n");
        for (String m : members) {
            b.append("member: ").append(m).append('\n');
        }
        return b.append('\n').toString();
    }

    private static String people(String uid) {
        return "uid=" + uid + ",ou=people," + BASE;
    }

    private static String tree() {
        String teams = "cn=campus-team,ou=teams," + BASE;
        return "dn: " + BASE + "\nobjectClass: dcObject\nobjectClass: organization\ndc: example\no: Example\n\n"
                + "dn: ou=people," + BASE + "\nobjectClass: organizationalUnit\nou: people\n\n"
                + "dn: ou=groups," + BASE + "\nobjectClass: organizationalUnit\nou: groups\n\n"
                + "dn: ou=teams," + BASE + "\nobjectClass: organizationalUnit\nou: teams\n\n"
                + "dn: ou=services," + BASE + "\nobjectClass: organizationalUnit\nou: services\n\n"
                + "dn: " + SERVICE_DN + "\nobjectClass: inetOrgPerson\ncn: porttracer\nsn: service\n"
                + "userPassword: " + TestEnv.plantedSecret() + "\n\n"
                + user("alice", null) + user("olga", null) + user("sam", null) + user("bob", null)
                + user("nina", null) + user("norole", null) + user("loner", null)
                + user("locked", null).replace("\n\n", "\npwdAccountLockedTime: 000001010000Z\n\n")
                + user(INJECTION_NAME, "Eve Injection")
                + group(NOC, people("alice"), people("locked"), people("bob"), teams)
                + group(OPS, people("olga"), people("bob"), "cn=Eve Injection,ou=people," + BASE)
                + group(ADMINS, people("sam"))
                + group(teams, people("nina"))
                + group("cn=unmapped,ou=groups," + BASE, people("norole"));
    }

    @Override
    public void close() {
        server.close();
    }
}
