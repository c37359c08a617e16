package com.abiquo.scheduler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

import com.abiquo.cloud.IpAddress;
import com.abiquo.cloud.PrivateNetworkService;
import com.abiquo.cloud.VirtualMachine;
import com.abiquo.cloud.VirtualMachineTemplate;
import com.abiquo.infrastructure.HypervisorCredentials;
import com.abiquo.infrastructure.Machine;
import com.abiquo.messaging.MessagingException;
import com.abiquo.messaging.Messaging;
import com.abiquo.messaging.Queues;
import com.abiquo.messaging.model.DatacenterJobs;
import com.abiquo.messaging.model.HypervisorConnection;
import com.abiquo.messaging.model.JobType;
import com.abiquo.messaging.model.TaskType;
import com.abiquo.messaging.model.VirtualMachineDefinition;
import com.abiquo.persistence.AfterCommit;
import com.abiquo.startup.ApiNode;
import com.abiquo.task.TaskRecord;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The leader's side of the datacenter request queues: the jobs of a task that run on the
 * hypervisor, as one {@link DatacenterJobs} message to the virtual factory of the VM's datacenter,
 * published once the transaction that decided them committed. Always the same jobs for a task, in
 * the same order, so that a re-drive makes the virtual factory report exactly the same
 * notifications (same ids and sequences) for what it had done already.
 */
@ApplicationScoped
public class JobDispatcher {

    private static final Logger LOG = Logger.getLogger(JobDispatcher.class.getName());

    @EJB
    private Messaging messaging;

    @EJB
    private ApiNode node;

    @EJB
    private PrivateNetworkService networks;

    @Inject
    private AfterCommit afterCommit;

    private HypervisorCredentials credentials;

    private final Set<String> declared = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void init() {
        credentials = new HypervisorCredentials(node.hypervisorCredentialsKey());
    }

    /**
     * Builds the task's message now (inside the transaction) and publishes it after the commit, in
     * the background (the broker's confirm takes milliseconds the scheduler need not wait for; a
     * publish lost with the node is re-driven by recovery).
     */
    public void dispatch(TaskRecord task, VirtualMachine vm) {
        DatacenterJobs jobs = jobs(task, vm);
        afterCommit.committedInBackground(() -> publish(jobs));
    }

    /** The virtual factory's jobs of a task: all but those that run on the API (SCHEDULE, UPDATE_RESOURCES). */
    public static List<DatacenterJobs.Job> hypervisorJobs(TaskRecord task) {
        List<DatacenterJobs.Job> jobs = new ArrayList<>();
        for (TaskRecord.JobEntry j : task.getJobs()) {
            if (isHypervisorJob(j.type())) {
                jobs.add(new DatacenterJobs.Job(j.id(), JobType.valueOf(j.type())));
            }
        }
        return jobs;
    }

    public static boolean isHypervisorJob(String type) {
        for (JobType t : JobType.values()) {
            if (t.name().equals(type)) {
                return true;
            }
        }
        return false;
    }

    private DatacenterJobs jobs(TaskRecord task, VirtualMachine vm) {
        Machine m = vm.getMachine();
        String datacenter = m.getDatacenter().getUuid();
        HypervisorConnection target = new HypervisorConnection(m.getIp(), m.getPort(), m.getHypervisorType().name(),
                m.getHypervisorUser(), m.getHypervisorSecret() == null ? null : credentials.decrypt(m.getHypervisorSecret()));
        return new DatacenterJobs(task.getTaskId() + ".attempt-" + task.getAttempts(), datacenter, task.getTaskId(),
                TaskType.valueOf(task.getType().name()), target, definition(vm), hypervisorJobs(task));
    }

    private VirtualMachineDefinition definition(VirtualMachine vm) {
        VirtualMachineTemplate t = vm.getTemplate();
        List<VirtualMachineDefinition.Nic> nics = new ArrayList<>();
        for (IpAddress ip : networks.ipsOf(vm)) {
            nics.add(new VirtualMachineDefinition.Nic(ip.getMac(), ip.getIp(), null, ip.getNetwork().getName()));
        }
        return new VirtualMachineDefinition(vm.getUuid(), vm.getName(), vm.getCpu(), vm.getRam(), vm.getHd(),
                new VirtualMachineDefinition.Disk(t.getPath(), t.getDiskFormat(), t.getDiskFileSize()), nics,
                vm.getLabel());
    }

    private void publish(DatacenterJobs jobs) {
        var queue = Queues.datacenterRequests(jobs.datacenterId());
        try {
            if (declared.add(jobs.datacenterId())) {
                messaging.declareDatacenter(jobs.datacenterId());
            }
            messaging.publisher().publishJson(queue.exchange(), queue.routingKey(), jobs.messageId(), jobs.toJson());
            LOG.info(() -> "Task " + jobs.taskId() + " " + jobs.taskType() + " sent to the virtual factory of "
                    + jobs.datacenterId() + " (" + jobs.jobs().size() + " jobs, message " + jobs.messageId() + ")");
        } catch (IOException | MessagingException e) {
            declared.remove(jobs.datacenterId());
            LOG.warning(() -> "Task " + jobs.taskId() + " could not be sent to the virtual factory of "
                    + jobs.datacenterId() + " (recovery sends it again): " + e.getMessage());
        }
    }
}
