package porttracer.collect;

/** Texts the login tests share. */
public final class SwitchLoginTestTexts {

    /** MOTD lines that end in '>' and '#' as a prompt does (Dell "banner motd" is free text). */
    public static final String MOTD = "Authorized access only. Support: noc#\nUser mode looks like switch>\nPrivileged: switch#\n";

    private SwitchLoginTestTexts() {
    }
}
