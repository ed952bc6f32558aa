/**
 * Configuration: {@link porttracer.config.Settings} (defaults, then {@code PORTTRACER_*} environment variables)
 * and the typed records built from it once at start ({@code SshConfig}, {@code PollConfig}, {@code DbConfig},
 * {@code EsConfig}...), each validated with messages naming the variable to fix; plus the start-up error and
 * daemon thread helpers every module shares. Uses the JDK only.
 */
package porttracer.config;
