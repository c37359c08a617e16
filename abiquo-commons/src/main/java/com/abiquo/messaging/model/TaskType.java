package com.abiquo.messaging.model;

/** The task a {@link DatacenterJobs} message carries out (Abiquo's virtual machine task types). */
public enum TaskType {
    DEPLOY, UNDEPLOY, POWER_ON, POWER_OFF, RESET, PAUSE, RESUME, RECONFIGURE
}
