/**
 * Secrets at rest: AES-256-GCM sealing bound to each row ({@code SecretBox}, {@code SecretColumn}), the key file,
 * and re-sealing under a new key.
 * May use: {@code porttracer.config}, the JDK's crypto, JDBC for re-sealing. Never the index, the collector or
 * the API; the store uses this package, so this package names no store class.
 */
package porttracer.secure;
