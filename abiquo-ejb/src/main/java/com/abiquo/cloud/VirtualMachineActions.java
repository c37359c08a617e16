package com.abiquo.cloud;

import java.util.ArrayList;
import java.util.List;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.persistence.JsonP;
import com.abiquo.scheduler.SchedulerQueue;
import com.abiquo.security.Caller;
import com.abiquo.task.TaskRecord;
import com.abiquo.task.TaskType;
import com.abiquo.task.Tasks;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * What any API node does for an asynchronous action on a virtual machine: check that the VM may
 * do it now (Abiquo's state rules), LOCK it under a new QUEUEING task in one transaction, and
 * announce the task to the leader's scheduler once committed. The jobs themselves run later:
 * the leader schedules, the datacenter's virtual factory executes, the leader applies the results.
 */
@Stateless
public class VirtualMachineActions {

    /** Abiquo's job types of each task (the first of a deploy runs on the leader). */
    public static final String SCHEDULE = "SCHEDULE";
    public static final String UPDATE_RESOURCES = "UPDATE_RESOURCES";

    /** What a task remembers in its data: that the VM is deleted once undeployed. */
    public static final String DELETE_AFTER = "deleteAfter";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private CloudAccess access;

    @EJB
    private LimitChecker limits;

    @EJB
    private Tasks tasks;

    @Inject
    private SchedulerQueue scheduler;

    @Inject
    private Caller caller;

    public TaskRecord deploy(Integer vdcId, Integer vappId, Integer vmId, boolean force) {
        return deploy(lockedVm(vdcId, vappId, vmId, true), force);
    }

    private TaskRecord deploy(VirtualMachine vm, boolean force) {
        if (vm.getState() != VirtualMachineState.NOT_ALLOCATED) {
            throw ApiException.of(ApiError.VM_DEPLOY_STATE);
        }
        limits.checkDeploy(vm, force);
        return start(vm, TaskType.DEPLOY, List.of(SCHEDULE, "CONFIGURE", "POWER_ON"), null);
    }

    public TaskRecord undeploy(Integer vdcId, Integer vappId, Integer vmId) {
        return undeploy(lockedVm(vdcId, vappId, vmId, false), false);
    }

    /** A deployed VM is deleted by undeploying it first: the task deletes it once undeployed. */
    public TaskRecord deleteDeployed(Integer vdcId, Integer vappId, Integer vmId) {
        return undeploy(lockedVm(vdcId, vappId, vmId, false), true);
    }

    private TaskRecord undeploy(VirtualMachine vm, boolean delete) {
        List<String> jobs = switch (vm.getState()) {
            case ON, PAUSED -> List.of("POWER_OFF", "DECONFIGURE");
            case OFF, CONFIGURED, ALLOCATED, UNKNOWN -> List.of("DECONFIGURE");
            default -> throw ApiException.of(delete ? ApiError.VM_INVALID_STATE_DELETE : ApiError.VM_UNDEPLOY_STATE);
        };
        return start(vm, TaskType.UNDEPLOY, jobs,
                delete ? JsonP.object().add(DELETE_AFTER, true).build().toString() : null);
    }

    /** {@code PUT state}: ON, OFF (a graceful shutdown when asked) or PAUSED. */
    public TaskRecord changeState(Integer vdcId, Integer vappId, Integer vmId, String target, boolean graceful) {
        VirtualMachine vm = lockedVm(vdcId, vappId, vmId, false); // another tenant's VM is 404 whatever the body
        VirtualMachineState wanted;
        try {
            wanted = VirtualMachineState.valueOf(target == null ? "" : target.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.of(ApiError.VM_INVALID_TARGET_STATE, target);
        }
        VirtualMachineState now = vm.getState();
        if (!now.isDeployed() && now != VirtualMachineState.CONFIGURED) {
            throw ApiException.of(ApiError.VM_NOT_DEPLOYED);
        }
        return switch (wanted) {
            case ON -> switch (now) {
                case OFF, CONFIGURED -> start(vm, TaskType.POWER_ON, List.of("POWER_ON"), null);
                case PAUSED -> start(vm, TaskType.RESUME, List.of("RESUME"), null);
                default -> throw ApiException.of(ApiError.VM_STATE_CHANGE, now, wanted);
            };
            case OFF -> switch (now) {
                case ON, PAUSED -> start(vm, TaskType.POWER_OFF, List.of(graceful && now == VirtualMachineState.ON
                        ? "SHUTDOWN" : "POWER_OFF"), null);
                default -> throw ApiException.of(ApiError.VM_STATE_CHANGE, now, wanted);
            };
            case PAUSED -> {
                if (now != VirtualMachineState.ON) {
                    throw ApiException.of(ApiError.VM_STATE_CHANGE, now, wanted);
                }
                yield start(vm, TaskType.PAUSE, List.of("PAUSE"), null);
            }
            default -> throw ApiException.of(ApiError.VM_INVALID_TARGET_STATE, target);
        };
    }

    public TaskRecord reset(Integer vdcId, Integer vappId, Integer vmId) {
        VirtualMachine vm = lockedVm(vdcId, vappId, vmId, false);
        if (vm.getState() != VirtualMachineState.ON) {
            throw ApiException.of(ApiError.VM_RESET_STATE);
        }
        return start(vm, TaskType.RESET, List.of("RESET"), null);
    }

    /**
     * Reconfigure of a deployed VM: only while OFF (Abiquo's rule); the leader changes the
     * reservation on the machine (UPDATE_RESOURCES), then the hypervisor (RECONFIGURE).
     */
    public TaskRecord reconfigure(Integer vdcId, Integer vappId, Integer vmId, Integer newCpu, Integer newRam,
            boolean force) {
        VirtualMachine vm = lockedVm(vdcId, vappId, vmId, true);
        int cpu = newCpu == null ? vm.getCpu() : newCpu;
        int ram = newRam == null ? vm.getRam() : newRam;
        if (cpu <= 0 || ram <= 0) {
            throw ApiException.of(ApiError.VM_INVALID, "cpu and ram must be positive");
        }
        if (vm.getState() != VirtualMachineState.OFF) {
            throw ApiException.of(ApiError.VM_RECONFIGURE_STATE, vm.getState().name());
        }
        limits.check(vm.getVirtualAppliance().getVirtualDatacenter(),
                new LimitChecker.Usage(0, cpu - vm.getCpu(), ram - vm.getRam(), 0, 0), force);
        String data = JsonP.object().add("cpu", cpu).add("ram", ram).add("previousCpu", vm.getCpu())
                .add("previousRam", vm.getRam()).build().toString();
        return start(vm, TaskType.RECONFIGURE, List.of(UPDATE_RESOURCES, "RECONFIGURE"), data);
    }

    /**
     * Cancels a task the scheduler has not taken yet (QUEUEING): the VM returns to the state it
     * had; the leader ignores the task's request when it comes. Otherwise 409 TASK-3.
     */
    public void cancel(Integer vdcId, Integer vappId, Integer vmId, String taskId) {
        VirtualMachine vm = access.vm(vdcId, vappId, vmId);
        TaskRecord task = tasks.lock(taskId).filter(t -> t.getVmId() == vm.getId())
                .orElseThrow(() -> ApiException.of(ApiError.TASK_NOT_FOUND));
        if (task.getState() != com.abiquo.task.TaskState.QUEUEING) {
            throw ApiException.of(ApiError.TASK_NOT_CANCELLABLE, task.getState());
        }
        em.refresh(vm, LockModeType.PESSIMISTIC_WRITE);
        if (vm.isLockedBy(taskId)) {
            vm.unlock(null);
        }
        task.finish(com.abiquo.task.TaskState.CANCELLED, "cancelled by user " + caller.userId());
        tasks.projectBeforeAnswering(task);
    }

    /** Deploys every NOT_ALLOCATED VM of the appliance: a task each. */
    public List<TaskRecord> deployAppliance(Integer vdcId, Integer vappId, boolean force) {
        List<TaskRecord> started = new ArrayList<>();
        access.lockScope(access.vdc(vdcId)); // before the machines: enterprise, VDC, VM
        for (VirtualMachine vm : lockedVms(vdcId, vappId)) {
            if (vm.getState() == VirtualMachineState.NOT_ALLOCATED) {
                started.add(deploy(vm, force));
            }
        }
        return started;
    }

    /** Undeploys every deployed VM of the appliance: a task each; none may be LOCKED. */
    public List<TaskRecord> undeployAppliance(Integer vdcId, Integer vappId) {
        List<VirtualMachine> vms = lockedVms(vdcId, vappId);
        List<TaskRecord> started = new ArrayList<>();
        for (VirtualMachine vm : vms) {
            if (vm.getState() != VirtualMachineState.NOT_ALLOCATED) {
                started.add(undeploy(vm, false));
            }
        }
        return started;
    }

    private List<VirtualMachine> lockedVms(Integer vdcId, Integer vappId) {
        VirtualAppliance vapp = access.vapp(vdcId, vappId);
        List<VirtualMachine> vms = em.createQuery("select m from VirtualMachine m where m.virtualAppliance = :v "
                + "order by m.id", VirtualMachine.class).setParameter("v", vapp)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        for (VirtualMachine vm : vms) {
            if (vm.getState() == VirtualMachineState.LOCKED) {
                throw ApiException.of(ApiError.VM_LOCKED);
            }
        }
        return vms;
    }

    /**
     * The VM, row-locked so that two actions on it serialize; already LOCKED by a task is VM-2.
     * An action that checks limits locks their scope first (enterprise, VDC, then the VM).
     */
    private VirtualMachine lockedVm(Integer vdcId, Integer vappId, Integer vmId, boolean checksLimits) {
        VirtualMachine vm = access.vm(vdcId, vappId, vmId);
        if (checksLimits) {
            access.lockScope(vm.getVirtualAppliance().getVirtualDatacenter());
        }
        em.refresh(vm, LockModeType.PESSIMISTIC_WRITE);
        if (vm.getState() == VirtualMachineState.LOCKED) {
            throw ApiException.of(ApiError.VM_LOCKED);
        }
        return vm;
    }

    private TaskRecord start(VirtualMachine vm, TaskType type, List<String> jobs, String data) {
        String queues = vm.getVirtualAppliance().getVirtualDatacenter().getDatacenter().getUuid();
        if (queues == null || queues.isBlank()) {
            throw ApiException.of(ApiError.DATACENTER_QUEUES_NOT_CONFIGURED);
        }
        TaskRecord task = tasks.begin(vm, type, caller.userId(), jobs, data);
        scheduler.request(task);
        return task;
    }
}
