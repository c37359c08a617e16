package com.abiquo.messaging.model;

/**
 * A job the virtual factory runs on a hypervisor (Abiquo's job types; SCHEDULE stays on the API).
 * POWER_OFF is a hard power off; a graceful shutdown is {@link #SHUTDOWN}.
 */
public enum JobType {
    CONFIGURE, POWER_ON, POWER_OFF, SHUTDOWN, RESET, PAUSE, RESUME, RECONFIGURE, DECONFIGURE;

    /**
     * Whether the virtual factory undoes this job, when a later job of its task fails, and reports
     * that as ROLLBACK_DONE (the leader counts on exactly these to know a failed task is over).
     */
    public boolean undoable() {
        return switch (this) {
            case CONFIGURE, POWER_ON, POWER_OFF, SHUTDOWN, PAUSE, RESUME -> true;
            case DECONFIGURE, RESET, RECONFIGURE -> false;
        };
    }
}
