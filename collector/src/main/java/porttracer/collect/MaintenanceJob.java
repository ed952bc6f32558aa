package porttracer.collect;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A periodic housekeeping task on the clustered scheduler: each firing runs on exactly one
 * collector node, never two at once.
 */
@DisallowConcurrentExecution
public final class MaintenanceJob implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceJob.class);

    /** A task that may fail; the failure is logged and the next firing tries again. */
    public interface Task {
        void run() throws Exception;
    }

    private final String name;
    private final Task task;

    MaintenanceJob(String name, Task task) {
        this.name = name;
        this.task = task;
    }

    @Override
    public void execute(JobExecutionContext context) {
        try {
            task.run();
        } catch (Exception e) {
            LOG.atWarn().addKeyValue("task", name).addKeyValue("error", e.getMessage()).log("maintenance failed; retried at the next firing");
        }
    }
}
