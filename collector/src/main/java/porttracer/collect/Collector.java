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
import org.quartz.CalendarIntervalScheduleBuilder;
import org.quartz.CalendarIntervalTrigger;
import org.quartz.DateBuilder.IntervalUnit;
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
 * Schedules one Quartz trigger per enabled switch on the clustered JDBC job store, so that
 * collector nodes sharing one database share the fleet: each poll runs on exactly one node, and
 * a dead node's switches are taken over. Triggers are phased by switch id so that polls spread
 * evenly over the interval, and the inventory is re-read periodically to follow its changes.
 */
public final class Collector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
    static final String GROUP = "switches";
    // Golden-ratio phases spread consecutive switch ids evenly over the interval.
    private static final double PHASE_STEP = 0.6180339887498949;
    private static final int SCHEDULE_BATCH = 500;

    private final Inventory inventory;
    private final Scheduler scheduler;
    private final PollConfig poll;
    private final java.util.Map<Integer, Long> confirmedIntervals = new java.util.HashMap<>();
    private final ScheduledExecutorService sync = DaemonThreads.scheduler("porttracer-inventory-sync");

    public Collector(PollConfig poll, DataSource db, Inventory inventory, Poller poller, Metrics metrics, String node)
            throws SchedulerException {
        this.inventory = inventory;
        this.poll = poll;
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
        q.setProperty("org.quartz.threadPool.threadCount", Integer.toString(poll.threads()));
        q.setProperty("org.quartz.threadPool.threadNamePrefix", "poll-" + node);
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
        StdSchedulerFactory factory = new StdSchedulerFactory(q);
        this.scheduler = factory.getScheduler();
        scheduler.setJobFactory((bundle, s) -> {
            JobKey key = bundle.getJobDetail().getKey();
            MaintenanceJob.Task task = MAINTENANCE.equals(key.getGroup()) ? maintenance.get(key.getName()) : null;
            return task != null ? new MaintenanceJob(key.getName(), task) : new PollJob(poller, metrics);
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

    /** Makes the triggers match the inventory: adds, reschedules and removes as needed. */
    public synchronized void syncInventory() throws SchedulerException {
        List<SwitchRecord> switches = inventory.switches();
        Set<JobKey> wanted = new HashSet<>();
        java.util.Map<JobDetail, Set<? extends Trigger>> added = new java.util.LinkedHashMap<>();
        for (SwitchRecord sw : switches) {
            if (!sw.enabled()) {
                continue;
            }
            JobKey job = jobKey(sw.id());
            wanted.add(job);
            Duration interval = poll.intervalOf(sw.pollIntervalSeconds());
            // What this node already confirmed costs no job-store read: otherwise every sync reads one trigger per
            // switch (bench/RESULTS.md, "Quartz trigger bookkeeping grows with the fleet").
            Long confirmed = confirmedIntervals.get(sw.id());
            if (confirmed != null && confirmed == interval.toMillis()) {
                continue;
            }
            Trigger existing = scheduler.getTrigger(triggerKey(sw.id()));
            if (existing instanceof CalendarIntervalTrigger ct && ct.getRepeatIntervalUnit() == IntervalUnit.SECOND
                    && ct.getRepeatInterval() == interval.toSeconds()) {
                confirmedIntervals.put(sw.id(), interval.toMillis());
                continue;
            }
            Trigger trigger = pollTrigger(sw.id(), interval, Instant.now());
            if (existing != null) {
                scheduler.rescheduleJob(existing.getKey(), trigger);
                confirmedIntervals.put(sw.id(), interval.toMillis());
                continue;
            }
            JobDetail detail = JobBuilder.newJob(PollJob.class).withIdentity(job).storeDurably()
                    .usingJobData(PollJob.SWITCH_ID, Integer.toString(sw.id())).build();
            added.put(detail, Set.of(trigger));
            confirmedIntervals.put(sw.id(), interval.toMillis());
            if (added.size() == SCHEDULE_BATCH) {
                schedule(added);
            }
        }
        schedule(added);
        confirmedIntervals.keySet().removeIf(id -> !wanted.contains(jobKey(id)));
        for (JobKey job : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
            if (!wanted.contains(job)) {
                scheduler.deleteJob(job);
            }
        }
    }

    /**
     * Stores new switches' jobs in one job-store transaction per batch (one per switch is too slow for a large
     * fleet: bench/RESULTS.md, "Quartz trigger bookkeeping grows with the fleet"). Never replaces: another node may have scheduled, and even
     * fired, one of them a moment ago; then that batch is stored one by one, skipping those.
     */
    private void schedule(java.util.Map<JobDetail, Set<? extends Trigger>> jobs) throws SchedulerException {
        if (jobs.isEmpty()) {
            return;
        }
        try {
            try {
                scheduler.scheduleJobs(jobs, false);
            } catch (ObjectAlreadyExistsException raced) {
                for (var e : jobs.entrySet()) {
                    try {
                        scheduler.scheduleJob(e.getKey(), e.getValue(), false);
                    } catch (ObjectAlreadyExistsException e2) {
                        // Another node scheduled it at the same moment.
                    }
                }
            }
        } catch (SchedulerException e) {
            // Maybe not stored: the next sync must look at these again rather than trust the cache.
            jobs.keySet().forEach(d -> confirmedIntervals.remove(Integer.parseInt(d.getJobDataMap().getString(PollJob.SWITCH_ID))));
            throw e;
        } finally {
            jobs.clear();
        }
    }

    /** The next instant at or after {@code now} on this switch's phase of the interval. */
    /**
     * A switch's poll trigger: every {@code interval} on the switch's own phase. A late firing runs once
     * at once and the next one returns to the phase (a calendar-interval trigger counts from its start);
     * a simple trigger's "fire now" moves the phase to the late moment, and an overloaded node then
     * bunches its polls and starves part of the fleet (bench/RESULTS.md 5b).
     */
    static Trigger pollTrigger(int switchId, Duration interval, Instant now) {
        return TriggerBuilder.newTrigger().withIdentity(triggerKey(switchId)).forJob(jobKey(switchId))
                .startAt(Date.from(firstFire(switchId, interval, now)))
                .withSchedule(CalendarIntervalScheduleBuilder.calendarIntervalSchedule()
                        .withInterval((int) interval.toSeconds(), IntervalUnit.SECOND)
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
    }

    static Instant firstFire(int switchId, Duration interval, Instant now) {
        long period = interval.toMillis();
        double frac = (switchId * PHASE_STEP) % 1.0;
        long phase = (long) (frac * period);
        long t = now.toEpochMilli();
        long next = Math.floorDiv(t - phase, period) * period + phase;
        if (next < t) {
            next += period;
        }
        return Instant.ofEpochMilli(next);
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

    static TriggerKey triggerKey(int switchId) {
        return TriggerKey.triggerKey("switch-" + switchId, GROUP);
    }

    @Override
    public void close() {
        sync.shutdownNow();
        try {
            // Not waiting for running polls: one cut short is simply polled again, and waiting
            // could last as long as a PostgreSQL outage that Quartz keeps retrying through.
            scheduler.shutdown(false);
        } catch (SchedulerException e) {
            LOG.atWarn().addKeyValue("error", e.getMessage()).log("scheduler shutdown");
        }
    }
}
