package porttracer.collect;

import porttracer.config.DaemonThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import porttracer.config.PollConfig;
import porttracer.store.Inventory;
import porttracer.store.SwitchRecord;

/**
 * The clustered poll schedule on Quartz's JDBC job store, so that collector nodes sharing one database share the
 * fleet: one trigger per poll slot ({@link PollSlots}: each slot's switches polled at their phases by the node that
 * takes the firing), so each scheduled poll runs on exactly one node and a dead node's slots are taken over. Each
 * switch also has a durable job of its own, without a schedule, which switch events and "poll now" fire. The
 * inventory is re-read periodically to follow its changes.
 */
public final class Collector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
    static final String GROUP = "switches";
    private static final int SCHEDULE_BATCH = 500;

    private final Inventory inventory;
    private final Scheduler scheduler;
    private final PollConfig poll;
    private final Poller poller;
    private final Metrics metrics;
    private final PollSlots slots = new PollSlots();
    private final java.util.concurrent.ThreadPoolExecutor pollThreads;
    private final List<ScheduledPollListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ScheduledExecutorService sync = DaemonThreads.scheduler("porttracer-inventory-sync");

    /** Told when a scheduled poll starts, and when it was due (a benchmark's lag figures). */
    public interface ScheduledPollListener {
        void started(int switchId, Instant due, Instant started);
    }

    public Collector(PollConfig poll, DataSource db, Inventory inventory, Poller poller, Metrics metrics, String node)
            throws SchedulerException {
        this.inventory = inventory;
        this.poll = poll;
        this.poller = poller;
        this.metrics = metrics;
        // All started at once, as Quartz starts its own: a node's thread count is fixed from its start.
        this.pollThreads = DaemonThreads.pool("poll-" + node, poll.threads());
        metrics.pollsQueued(slots::queued);
        String dsName = "porttracer-" + node;
        DBConnectionManager.getInstance().addConnectionProvider(dsName, new ConnectionProvider() {
            @Override
            public java.sql.Connection getConnection() throws java.sql.SQLException {
                return db.getConnection();
            }

            @Override
            public void shutdown() {
                // The pool belongs to the application, which closes it.
            }

            @Override
            public void initialize() {
                // Nothing to set up: the pool already exists.
            }
        });
        Properties q = new Properties();
        q.setProperty("org.quartz.scheduler.instanceName", "porttracer");
        q.setProperty("org.quartz.scheduler.instanceId", node);
        q.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // Slot firings wait here for their polls; event polls run on these threads directly, never queued
        // behind a late schedule.
        q.setProperty("org.quartz.threadPool.threadCount", Integer.toString(poll.threads()));
        q.setProperty("org.quartz.threadPool.threadNamePrefix", "quartz-" + node);
        q.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        q.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        // How long Quartz waits before retrying PostgreSQL after losing it.
        q.setProperty("org.quartz.jobStore.dbRetryInterval", "2000");
        q.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        q.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        q.setProperty("org.quartz.jobStore.dataSource", dsName);
        q.setProperty("org.quartz.jobStore.useProperties", "true");
        q.setProperty("org.quartz.jobStore.isClustered", "true");
        q.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        q.setProperty("org.quartz.jobStore.misfireThreshold", "30000");
        q.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        // Every acquisition takes the cluster's one lock row: take up to a thread pool's worth of
        // triggers due within 2 s per acquisition instead of one (the lock capped polls/s: bench/RESULTS.md, section 4).
        q.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(poll.threads()));
        q.setProperty("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow", "2000");
        // How far ahead a node takes a trigger, and how often an idle node looks: shorter than the 5 s between two
        // slots, so that the node firing a slot cannot already hold the next one and every node gets its turn (at
        // 5 s, or Quartz's default 30 s, the node that fired a slot always took the next: one node polled 10 010
        // switches while its peer polled none, bench/RESULTS.md 5g).
        q.setProperty("org.quartz.scheduler.idleWaitTime", Long.toString(PollSlots.SLOT_MILLIS * 2 / 5));
        StdSchedulerFactory factory = new StdSchedulerFactory(q);
        this.scheduler = factory.getScheduler();
        scheduler.setJobFactory((bundle, s) -> {
            JobKey key = bundle.getJobDetail().getKey();
            MaintenanceJob.Task task = MAINTENANCE.equals(key.getGroup()) ? maintenance.get(key.getName()) : null;
            if (task != null) {
                return new MaintenanceJob(key.getName(), task);
            }
            return PollSlots.GROUP.equals(key.getGroup()) ? new SlotJob(slots, pollThreads, this::scheduledPoll)
                    : new PollJob(poller, metrics);
        });
    }

    static final String MAINTENANCE = "maintenance";
    private final java.util.Map<String, MaintenanceJob.Task> maintenance = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Runs {@code task} every {@code every} (first within a minute) on one node of the cluster. Each
     * node registers the same task; the clustered job store hands each firing to one of them.
     */
    public void every(String name, Duration every, MaintenanceJob.Task task) throws SchedulerException {
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("the period of " + name + " must be positive, not " + every);
        }
        maintenance.put(name, task);
        JobKey job = JobKey.jobKey(name, MAINTENANCE);
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(name, MAINTENANCE).forJob(job)
                .startAt(java.util.Date.from(Instant.now().plusSeconds(60)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(every.toMillis()).repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        // Replacing keeps one schedule whichever node registers last.
        try {
            scheduler.scheduleJob(JobBuilder.newJob(MaintenanceJob.class).withIdentity(job).storeDurably().build(),
                    java.util.Set.of(trigger), true);
        } catch (ObjectAlreadyExistsException raced) {
            // Another node registered it in the same instant: its schedule serves the cluster.
            LOG.atInfo().addKeyValue("task", name).log("maintenance task already scheduled by another node");
        }
    }

    /** Fires a maintenance task now, on whichever node is free (e.g. after changing its settings). */
    public void runNow(String name) throws SchedulerException {
        scheduler.triggerJob(JobKey.jobKey(name, MAINTENANCE));
    }

    public void start() throws SchedulerException {
        // Per-switch schedules of a version before the slots: the slots poll those switches now.
        for (TriggerKey old : scheduler.getTriggerKeys(GroupMatcher.triggerGroupEquals(GROUP))) {
            scheduler.unscheduleJob(old);
        }
        syncInventory();
        scheduler.start();
        sync.scheduleWithFixedDelay(() -> {
            try {
                syncInventory();
            } catch (Exception e) {
                LOG.atWarn().addKeyValue("error", e.getMessage()).log("inventory sync failed; retrying");
            }
        }, 15, 15, TimeUnit.SECONDS);
    }

    /** Makes the schedule match the inventory: the switches' jobs and the slots, added and removed as needed. */
    public synchronized void syncInventory() throws SchedulerException {
        List<SwitchRecord> switches = inventory.switches();
        Set<PollSlots.Slot> wantedSlots = slots.assign(switches, poll);
        // One read of the stored keys per sync, not one per switch (bench/RESULTS.md, "Quartz trigger bookkeeping
        // grows with the fleet").
        Set<JobKey> stored = scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP));
        Set<JobKey> wanted = new HashSet<>();
        java.util.Map<JobDetail, Set<? extends Trigger>> added = new java.util.LinkedHashMap<>();
        for (SwitchRecord sw : switches) {
            JobKey job = jobKey(sw.id());
            if (sw.enabled() && wanted.add(job) && !stored.contains(job)) {
                added.put(JobBuilder.newJob(PollJob.class).withIdentity(job).storeDurably()
                        .usingJobData(PollJob.SWITCH_ID, Integer.toString(sw.id())).build(), Set.of());
                if (added.size() == SCHEDULE_BATCH) {
                    schedule(added);
                }
            }
        }
        schedule(added);
        for (JobKey job : stored) {
            if (!wanted.contains(job)) {
                scheduler.deleteJob(job);
            }
        }
        Set<JobKey> storedSlots = scheduler.getJobKeys(GroupMatcher.jobGroupEquals(PollSlots.GROUP));
        Set<JobKey> wantedSlotJobs = new HashSet<>();
        for (PollSlots.Slot slot : wantedSlots) {
            wantedSlotJobs.add(slot.jobKey());
            if (!storedSlots.contains(slot.jobKey())) {
                // Recoverable: a node that dies with a slot's polls under way hands the firing to another.
                added.put(JobBuilder.newJob(SlotJob.class).withIdentity(slot.jobKey()).storeDurably().requestRecovery()
                        .usingJobData(SlotJob.INTERVAL, Long.toString(slot.intervalSeconds()))
                        .usingJobData(SlotJob.INDEX, Integer.toString(slot.index())).build(),
                        Set.of(PollSlots.trigger(slot, Instant.now())));
            }
        }
        schedule(added);
        for (JobKey job : storedSlots) {
            if (!wantedSlotJobs.contains(job)) {
                scheduler.deleteJob(job);
            }
        }
    }

    /** One switch's scheduled poll, on a poll thread, unless it was polled within half an interval (an event's). */
    private void scheduledPoll(int switchId, Instant due) {
        Instant started = Instant.now();
        metrics.pollLag.set(Duration.between(due, started).toMillis() / 1000.0);
        listeners.forEach(l -> l.started(switchId, due, started));
        poller.find(switchId).filter(SwitchRecord::enabled).ifPresent(sw -> poller.exclusively(sw.id(), () -> {
            // Checked once this node's other poll of the switch (an event's) has finished.
            if (!poller.polledRecently(sw)) {
                poller.poll(sw);
            }
        }));
    }

    /** The interval of the stored slot trigger that polls a switch on this node's schedule (empty: none). */
    public java.util.Optional<Duration> scheduledInterval(int switchId) throws SchedulerException {
        java.util.Optional<PollSlots.Slot> slot = slots.holding(switchId);
        if (slot.isEmpty() || !(scheduler.getTrigger(slot.get().triggerKey())
                instanceof org.quartz.CalendarIntervalTrigger t)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(Duration.ofSeconds(t.getRepeatInterval()));
    }

    /** Told of every scheduled poll this node starts. */
    public void onScheduledPoll(ScheduledPollListener listener) {
        listeners.add(listener);
    }

    /**
     * Stores jobs (and their triggers) in one job-store transaction per batch (one per job is too slow for a large
     * fleet: bench/RESULTS.md, "Quartz trigger bookkeeping grows with the fleet"). Never replaces: another node may
     * have stored, and even fired, one of them a moment ago; then that batch is stored one by one, skipping those.
     */
    private void schedule(java.util.Map<JobDetail, Set<? extends Trigger>> jobs) throws SchedulerException {
        if (jobs.isEmpty()) {
            return;
        }
        try {
            scheduler.scheduleJobs(jobs, false);
        } catch (ObjectAlreadyExistsException raced) {
            for (var e : jobs.entrySet()) {
                try {
                    if (e.getValue().isEmpty()) {
                        scheduler.addJob(e.getKey(), false);
                    } else {
                        scheduler.scheduleJob(e.getKey(), e.getValue(), false);
                    }
                } catch (ObjectAlreadyExistsException e2) {
                    // Another node stored it at the same moment.
                }
            }
        } finally {
            jobs.clear();
        }
    }

    /** Fires every enabled switch's poll now (once), on whichever node is free. */
    public void pollAllNow() throws SchedulerException {
        for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            scheduler.triggerJob(job);
        }
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** Trigger data naming the port a switch event reported: that poll reads the port alone where it can. */
    public static final String EVENT_PORT = PollJob.PORT;

    /** The Quartz job of a switch, e.g. to trigger one poll now. */
    public static JobKey jobKeyOf(int switchId) {
        return jobKey(switchId);
    }

    static JobKey jobKey(int switchId) {
        return JobKey.jobKey("switch-" + switchId, GROUP);
    }

    @Override
    public void close() {
        sync.shutdownNow();
        // Polls not started are cancelled, so that their slot's firing stops waiting for them; running ones are
        // not interrupted (an interrupted poll would be recorded as the switch's failure): like Quartz's own
        // threads below, they end with the process or finish.
        java.util.List<Runnable> waiting = new java.util.ArrayList<>();
        pollThreads.getQueue().drainTo(waiting);
        pollThreads.shutdown();
        waiting.forEach(r -> {
            if (r instanceof java.util.concurrent.Future<?> f) {
                f.cancel(false);
            }
        });
        try {
            // Not waiting for running polls: one cut short is simply polled again, and waiting
            // could last as long as a PostgreSQL outage that Quartz keeps retrying through.
            scheduler.shutdown(false);
        } catch (SchedulerException e) {
            LOG.atWarn().addKeyValue("error", e.getMessage()).log("scheduler shutdown");
        }
    }
}
