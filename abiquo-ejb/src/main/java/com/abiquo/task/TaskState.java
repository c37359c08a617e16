package com.abiquo.task;

/** Abiquo's task states; clients poll until a finished one. */
public enum TaskState {
    QUEUEING, PENDING, STARTED, FINISHED_SUCCESSFULLY, FINISHED_UNSUCCESSFULLY, ABORTED, CANCELLED, ACK_ERROR;

    public boolean isFinished() {
        return this != QUEUEING && this != PENDING && this != STARTED;
    }
}
