/**
 * Elasticsearch: the index layout and templates, each poll's {@code Snapshot} merged into the per-MAC location
 * documents and move events, the port and poll indices, the on-disk spool while Elasticsearch is away, and
 * {@code LiveLookup}, the port through which the API asks the collector for a live answer.
 * May use: {@code porttracer.store}, {@code porttracer.config}, {@code porttracer.domain}, the Elasticsearch
 * client, Jackson. Never the collector (it feeds this package), the API or the alerts.
 */
package porttracer.index;
