package porttracer.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.DN;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import porttracer.config.Settings;

class DirectorySettingsTest {

    private static Settings settings(Map<String, String> ldap) {
        Map<String, String> o = new HashMap<>(Map.of("ldap.url", "ldap://dc1:389, ldaps://dc2:636",
                "ldap.user-base", "ou=people,dc=example,dc=org",
                "ldap.group-roles", "cn=noc,ou=groups,dc=example,dc=org=netadmin; CN=Help Desk,OU=Groups,DC=example,DC=org=oss"));
        o.putAll(ldap);
        return Settings.load(Map.of(), o);
    }

    @Test
    void groupRolesSplitAtTheLastEqualsSignAndUrlsKeepTheirOrder() throws Exception {
        DirectorySettings d = DirectorySettings.from(settings(Map.of()));
        assertThat(d.enabled()).isTrue();
        assertThat(d.urls()).extracting(u -> u.getScheme() + "://" + u.getHost() + ":" + u.getPort())
                .containsExactly("ldap://dc1:389", "ldaps://dc2:636");
        assertThat(d.groupRoles()).containsEntry(new DN("cn=noc,ou=groups,dc=example,dc=org"), Role.NETADMIN)
                .containsEntry(new DN("cn=help desk,ou=groups,dc=example,dc=org"), Role.OSS);
        // Group searches start at the entry above the user base and every mapped group.
        assertThat(d.groupBase()).isEqualTo(new DN("dc=example,dc=org"));
        assertThat(d.nesting()).isEqualTo(DirectorySettings.Nesting.OFF);
        assertThat(DirectorySettings.from(settings(Map.of("ldap.nested-groups", "in-chain"))).nesting())
                .isEqualTo(DirectorySettings.Nesting.IN_CHAIN);
    }

    @Test
    void badSettingsFailAtStartWithTheVariableName() {
        assertThatThrownBy(() -> DirectorySettings.from(settings(Map.of("ldap.group-roles", "cn=noc,dc=x=root"))))
                .hasMessageContaining("PORTTRACER_LDAP_GROUP_ROLES").hasMessageContaining("oss, netadmin or superadmin");
        assertThatThrownBy(() -> DirectorySettings.from(settings(Map.of("ldap.group-roles", ""))))
                .hasMessageContaining("PORTTRACER_LDAP_GROUP_ROLES is needed");
        assertThatThrownBy(() -> DirectorySettings.from(settings(Map.of("ldap.url", "http://dc1"))))
                .hasMessageContaining("PORTTRACER_LDAP_URL");
        assertThatThrownBy(() -> DirectorySettings.from(settings(Map.of("ldap.user-filter", "(uid={0}"))))
                .hasMessageContaining("PORTTRACER_LDAP_USER_FILTER");
        assertThatThrownBy(() -> DirectorySettings.from(settings(Map.of("ldap.nested-groups", "deep"))))
                .hasMessageContaining("PORTTRACER_LDAP_NESTED_GROUPS");
        // The bind password never shows in the settings' text.
        assertThat(DirectorySettings.from(settings(Map.of("ldap.bind-password", "s3cret-value"))).toString())
                .doesNotContain("s3cret-value");
    }

    @Test
    void offWithoutAUrl() {
        assertThat(DirectorySettings.from(Settings.load(Map.of(), Map.of())).enabled()).isFalse();
    }
}
