package porttracer.collect;

import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Quartz job that runs one task per firing; a failure is logged and the next firing tries again. Whether firings
 * may overlap is each subclass's rule: Quartz reads {@code @DisallowConcurrentExecution} up the class hierarchy, so
 * it is never put here.
 */
class TaskJob implements Job {

    private static final Logger LOG = LoggerFactory.getLogger(TaskJob.class);

    private final String name;
    private final MaintenanceJob.FiringTask task;

    TaskJob(String name, MaintenanceJob.FiringTask task) {
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
