package porttracer.collect;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;

/**
 * A periodic housekeeping task on the clustered scheduler: each firing runs on exactly one
 * collector node, never two at once. A failure is logged and the next firing tries again.
 */
@DisallowConcurrentExecution
public class MaintenanceJob extends TaskJob {

    /** A task that may fail; the failure is logged and the next firing tries again. */
    public interface Task {
        void run() throws Exception;
    }

    /** A task that reads its firing (the job's data, the trigger). */
    interface FiringTask {
        void run(JobExecutionContext firing) throws Exception;
    }

    MaintenanceJob(String name, Task task) {
        super(name, firing -> task.run());
    }
}
