/**
 * Polling switches: the Quartz schedule clustered on PostgreSQL ({@code Collector}; slots of switches: {@code PollSlots},
 * {@code SlotJob}; one switch's event poll: {@code PollJob}), the SSH
 * session pool and CLI sessions, reading a switch ({@code SwitchReader}), building its snapshot (parse and
 * classify: {@code SnapshotBuilder}, {@code PortClassifier}), and the orchestration that indexes and records
 * each poll ({@code Poller}, whose {@code classify} is the one translator of poll errors); live re-checks and
 * probes use the same pool. Uses {@code config}, {@code domain}, {@code parse}, {@code store} and {@code index}.
 */
package porttracer.collect;
