package com.abiquo.task;

/**
 * Abiquo's task types (owner VirtualMachine). DELETE is ours: the deletion of a machine that is
 * not on a hypervisor, answered 202 with a task that is already finished, as clients expect.
 */
public enum TaskType {
    DEPLOY, UNDEPLOY, RECONFIGURE, POWER_ON, POWER_OFF, PAUSE, RESUME, RESET, SNAPSHOT, HA_DEPLOY, HA_UNDEPLOY, REFRESH,
    DELETE
}
