package porttracer.config;

/** PostgreSQL ({@code db.*}): where, as whom, and the two pools' sizes (the application's and Quartz's). */
public record DbConfig(String url, String user, String password, int poolSize, int schedulerPoolSize) {

    public static DbConfig from(Settings s) {
        String url = s.text("db.url");
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new StartupException("PORTTRACER_DB_URL must be a jdbc:postgresql: URL, not '" + url + "'");
        }
        return new DbConfig(url, s.text("db.user"), s.get("db.password"), s.intAtLeast("db.pool-size", 1),
                s.intAtLeast("db.scheduler-pool-size", 1));
    }

    /** The host PostgreSQL listens on (alert webhooks may not reach it). */
    public String host() {
        return java.net.URI.create(url.replaceFirst("^jdbc:", "")).getHost();
    }

    @Override
    public String toString() {
        return "DbConfig[url=" + url + ", user=" + user + ", poolSize=" + poolSize + ", schedulerPoolSize="
                + schedulerPoolSize + "]";
    }
}
