package com.abiquo.messaging.model;

/**
 * A job the virtual factory runs on a hypervisor (Abiquo's job types; SCHEDULE stays on the API).
 * POWER_OFF is a hard power off; a graceful shutdown is {@link #SHUTDOWN}.
 */
public enum JobType {
    CONFIGURE, POWER_ON, POWER_OFF, SHUTDOWN, RESET, PAUSE, RESUME, RECONFIGURE, DECONFIGURE
}
