/**
 * The composition root ({@code PortTracer}: one node's connections, typed configuration and roles) and the
 * launcher's Java commands ({@code Main}: collector, api, demo, parse, probe, trace, search, user, rotate-key).
 * Uses every other module; nothing uses it.
 */
package porttracer.app;
