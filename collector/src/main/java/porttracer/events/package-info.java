/**
 * Switch events: SNMP trap (v1/v2c) and syslog (UDP, TCP with RFC 6587 framing) listeners that turn a link change
 * from a known switch into one debounced, cluster-wide poll of that switch, or of the port a syslog line names;
 * unknown sources and malformed packets are counted and dropped. Uses {@code config}, {@code store} and the
 * {@code collect} scheduler's job keys.
 */
package porttracer.events;
