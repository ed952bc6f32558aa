/**
 * The benchmarks behind {@code ./porttracer bench} (parse, trace, poll, reverify, freshness, escluster): each
 * drives the real product (PortTracer's composition root, the simulator over SSH, Elasticsearch and PostgreSQL)
 * and prints a summary, then one JSON line of figures that bench/RESULTS.md quotes. It may use every module; no
 * module uses it.
 */
package porttracer.bench;
