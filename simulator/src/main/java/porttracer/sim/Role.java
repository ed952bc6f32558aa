package porttracer.sim;

/** Where a switch sits: access switches carry hosts, the distribution switch joins a site's access switches. */
public enum Role {
    ACCESS,
    DISTRIBUTION
}
