/**
 * The vocabulary of every module: MAC addresses, port names and their canonical keys, the rows a switch's
 * tables hold (MAC entries, ports, LLDP neighbours, ARP, VLANs, port-channels), platforms and sightings. Small
 * immutable records with no I/O. Uses the JDK only.
 */
package porttracer.domain;
