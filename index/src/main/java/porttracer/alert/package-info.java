/**
 * Alert rules evaluated on the changes the index detects (never by rescanning), and delivery to signed webhooks
 * behind an SSRF guard, over connections pinned to the addresses the guard checked.
 * May use: {@code porttracer.index} (move events, locations), {@code porttracer.store} (rules and deliveries are
 * stored there), {@code porttracer.secure}, {@code porttracer.config}, {@code porttracer.domain}. Never the
 * collector or the API, which both use it.
 */
package porttracer.alert;
