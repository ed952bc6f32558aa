/**
 * Simulated Dell switches (OS6, OS9, OS10, PowerConnect) served over SSH: a generated fleet of sites with hosts,
 * links and ARP tables, each switch answering its platform's CLI commands with the output layouts of real captures,
 * its paging and errors, and its login modes; it sends the SNMP traps and syslog lines a real switch would when a
 * host is plugged or moved. Used by the demo, the tests and the benchmarks; it may use core only, never the
 * collector or the API (it is the far side of their SSH sessions).
 */
package porttracer.sim;
