/**
 * Alert rules evaluated on the changes the index detects (never by rescanning), their storage, and delivery to
 * signed webhooks behind an SSRF guard.
 * May use: {@code porttracer.index} (move events, locations), {@code porttracer.store}, {@code porttracer.secure}
 * (webhook secrets), {@code porttracer.config}, {@code porttracer.domain}. Never the collector or the API, which
 * both use it.
 */
package porttracer.alert;
