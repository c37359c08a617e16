package com.abiquo.rs.virtualfactory;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.abiquo.messaging.model.DatacenterJobs;
import com.abiquo.messaging.model.HypervisorConnection;
import com.abiquo.messaging.model.JobNotification;
import com.abiquo.messaging.model.JobState;
import com.abiquo.messaging.model.JobType;
import com.abiquo.messaging.model.VmState;
import com.abiquo.rs.hypervisor.HypervisorException;
import com.abiquo.rs.hypervisor.HypervisorPlugin;
import com.abiquo.rs.hypervisor.HypervisorPlugins;
import com.abiquo.rs.hypervisor.VmInfo;

/**
 * Runs the jobs of one task, in order, through the hypervisor's plugin and reports each state
 * change (STARTED, then DONE or FAILED) through a {@link Notifier}. The first failed job stops the
 * task and the jobs already done are undone in reverse order (CONFIGURE by DECONFIGURE, POWER_ON by
 * POWER_OFF, POWER_OFF by POWER_ON, PAUSE by RESUME, RESUME by PAUSE), each reported ROLLBACK_DONE.
 *
 * <p>Idempotent: before each job the plugin is asked what really exists, and a job whose effect is
 * already there (the VM exists for CONFIGURE, it is ON for POWER_ON, ...) is reported DONE without
 * acting again, so a redelivered task does nothing twice. Notification ids and sequences are
 * deterministic (see {@link JobNotification}), so the repeated reports are recognised as
 * duplicates by the leader.
 */
public final class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class.getName());

    /**
     * Publishes a notification; throws when it cannot. The caller makes sure every notification
     * of the task was confirmed by the broker before it takes the task as done (the virtual factory
     * waits for the confirms before acknowledging the task): a task re-run after a failure reports
     * again, with the same ids and sequences.
     */
    @FunctionalInterface
    public interface Notifier {
        void publish(JobNotification notification);
    }

    /** Where VM state changes made by the platform go through (the monitor, so that it does not report them). */
    @FunctionalInterface
    public interface PlatformChanges {
        VmInfo apply(String hostIp, String vmUuid, Supplier<VmInfo> operation);

        PlatformChanges DIRECT = (ip, uuid, op) -> op.get();
    }

    /** A notification could not be published: the task must not be acknowledged. */
    public static final class NotificationFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotificationFailed(RuntimeException cause) {
            super("Cannot publish a job notification: " + cause.getMessage(), cause);
        }
    }

    private final String datacenterId;
    private final HypervisorPlugins plugins;
    private final PlatformChanges changes;
    private final Clock clock;

    public JobRunner(String datacenterId, HypervisorPlugins plugins, PlatformChanges changes, Clock clock) {
        this.datacenterId = datacenterId;
        this.plugins = plugins;
        this.changes = changes;
        this.clock = clock;
    }

    /** @return true when every job was done, false when one failed (and the others were rolled back) */
    public boolean run(DatacenterJobs task, Notifier notifier) {
        HypervisorConnection host = task.target();
        String vmUuid = task.virtualMachine().uuid();
        List<DatacenterJobs.Job> jobs = task.jobs();
        Deque<DatacenterJobs.Job> done = new ArrayDeque<>();
        HypervisorPlugin plugin;
        try {
            plugin = plugins.forType(host.hypervisorType());
        } catch (HypervisorException e) {
            DatacenterJobs.Job first = jobs.get(0);
            notify(notifier, task, first, JobState.STARTED, null, null, null, 1);
            notify(notifier, task, first, JobState.FAILED, VmState.UNKNOWN, e.code(), e.getMessage(), 2);
            return false;
        }
        for (int i = 0; i < jobs.size(); i++) {
            DatacenterJobs.Job job = jobs.get(i);
            notify(notifier, task, job, JobState.STARTED, null, null, null, 2L * i + 1);
            try {
                VmInfo result = execute(plugin, task, job.type());
                notify(notifier, task, job, JobState.DONE, result.state(), null, null, 2L * i + 2);
                done.push(job);
            } catch (RuntimeException e) {
                String code = e instanceof HypervisorException h ? h.code() : "VF-" + job.type();
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                if (!(e instanceof HypervisorException)) {
                    LOG.log(Level.WARNING, "Task " + task.taskId() + " job " + job.jobId() + " failed", e);
                } else {
                    LOG.info(() -> "Task " + task.taskId() + " job " + job.jobId() + " " + job.type() + " failed: "
                            + code + " " + message);
                }
                notify(notifier, task, job, JobState.FAILED, current(plugin, host, vmUuid), code, message, 2L * i + 2);
                rollback(plugin, task, done, notifier, 2L * jobs.size());
                return false;
            }
        }
        return true;
    }

    private VmInfo execute(HypervisorPlugin plugin, DatacenterJobs task, JobType type) {
        HypervisorConnection host = task.target();
        String uuid = task.virtualMachine().uuid();
        VmInfo now = plugin.vm(host, uuid);
        if (alreadyDone(type, now)) {
            return now;
        }
        return changes.apply(host.ip(), uuid, () -> switch (type) {
            case CONFIGURE -> plugin.configure(host, task.virtualMachine());
            case DECONFIGURE -> plugin.deconfigure(host, uuid);
            case RECONFIGURE -> plugin.reconfigure(host, task.virtualMachine());
            case POWER_ON -> plugin.powerOn(host, uuid);
            case POWER_OFF -> plugin.powerOff(host, uuid);
            case SHUTDOWN -> plugin.shutdown(host, uuid);
            case RESET -> plugin.reset(host, uuid);
            case PAUSE -> plugin.pause(host, uuid);
            case RESUME -> plugin.resume(host, uuid);
        });
    }

    /** Whether the hypervisor already shows the effect of a job (a repeated task). */
    static boolean alreadyDone(JobType type, VmInfo now) {
        VmState s = now.state();
        return switch (type) {
            case CONFIGURE -> now.exists();
            case DECONFIGURE -> s == VmState.NOT_FOUND;
            case POWER_ON, RESUME -> s == VmState.ON;
            case POWER_OFF, SHUTDOWN -> s == VmState.OFF || s == VmState.CONFIGURED;
            case PAUSE -> s == VmState.PAUSED;
            case RESET, RECONFIGURE -> false;
        };
    }

    private void rollback(HypervisorPlugin plugin, DatacenterJobs task, Deque<DatacenterJobs.Job> done,
            Notifier notifier, long sequenceBase) {
        HypervisorConnection host = task.target();
        String uuid = task.virtualMachine().uuid();
        long k = 0;
        while (!done.isEmpty()) {
            DatacenterJobs.Job job = done.pop();
            Supplier<VmInfo> undo = switch (job.type()) {
                case CONFIGURE -> () -> plugin.deconfigure(host, uuid);
                case POWER_ON -> () -> plugin.powerOff(host, uuid);
                case POWER_OFF, SHUTDOWN -> () -> plugin.powerOn(host, uuid);
                case PAUSE -> () -> plugin.resume(host, uuid);
                case RESUME -> () -> plugin.pause(host, uuid);
                case DECONFIGURE, RESET, RECONFIGURE -> null; // nothing that can be undone
            };
            if (undo == null) {
                continue;
            }
            try {
                VmInfo after = changes.apply(host.ip(), uuid, undo);
                notify(notifier, task, job, JobState.ROLLBACK_DONE, after.state(), null, null, sequenceBase + ++k);
            } catch (HypervisorException e) {
                // reported with what the hypervisor now says, so that the platform shows the VM as it is
                LOG.warning(() -> "Task " + task.taskId() + ": rollback of job " + job.jobId() + " " + job.type()
                        + " failed: " + e.code() + " " + e.getMessage());
                notify(notifier, task, job, JobState.ROLLBACK_FAILED, current(plugin, host, uuid), e.code(),
                        e.getMessage(), sequenceBase + ++k);
            }
        }
    }

    private static VmState current(HypervisorPlugin plugin, HypervisorConnection host, String uuid) {
        try {
            return plugin.vm(host, uuid).state();
        } catch (RuntimeException e) {
            return VmState.UNKNOWN;
        }
    }

    private void notify(Notifier notifier, DatacenterJobs task, DatacenterJobs.Job job, JobState state, VmState vmState,
            String code, String message, long sequence) {
        JobNotification n = new JobNotification(JobNotification.messageId(task.taskId(), job.jobId(), state),
                datacenterId, task.taskId(), job.jobId(), job.type(), state, task.virtualMachine().uuid(), vmState, code,
                message, sequence, clock.instant());
        try {
            notifier.publish(n);
        } catch (RuntimeException e) {
            throw new NotificationFailed(e);
        }
    }
}
