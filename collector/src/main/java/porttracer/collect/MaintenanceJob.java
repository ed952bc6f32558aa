package porttracer.collect;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A periodic housekeeping task on the clustered scheduler: each firing runs on exactly one
 * collector node, never two at once. A failure is logged and the next firing tries again.
 */
@DisallowConcurrentExecution
public class MaintenanceJob implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceJob.class);

    /** A task that may fail; the failure is logged and the next firing tries again. */
    public interface Task {
        void run() throws Exception;
    }

    /** A task that reads its firing (the job's data, the trigger). */
    interface FiringTask {
        void run(JobExecutionContext firing) throws Exception;
    }

    private final String name;
    private final FiringTask task;

    MaintenanceJob(String name, Task task) {
        this(name, firing -> task.run());
    }

    MaintenanceJob(String name, FiringTask task) {
        this.name = name;
        this.task = task;
    }

    @Override
    public final void execute(JobExecutionContext context) {
        try {
            task.run(context);
        } catch (Exception e) {
            LOG.atWarn().addKeyValue("task", name).addKeyValue("error", e.getMessage()).log("job failed; retried at the next firing");
        }
    }
}
