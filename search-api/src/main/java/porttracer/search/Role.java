package porttracer.search;

import java.util.Locale;

/** What a user may see: oss sees edge locations only; netadmin sees uplinks too; superadmin manages. */
public enum Role {
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
