/**
 * Vendor names of MACs from the IEEE registry files (Debian's {@code ieee-data}), reloaded when they change.
 * Uses {@code domain}.
 */
package porttracer.vendor;
