package porttracer.search;

import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * What a user may see: oss sees edge locations only; netadmin sees uplinks too; superadmin manages.
 * A route declares the least role it needs ({@link Routes}); that role and those above it may call it.
 */
public enum Role implements RouteRole {
    OSS, NETADMIN, SUPERADMIN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }

    public boolean seesUplinks() {
        return this != OSS;
    }

    /** Switch management addresses, SSH ports and raw poll errors: not for oss. */
    public boolean seesManagement() {
        return this != OSS;
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
