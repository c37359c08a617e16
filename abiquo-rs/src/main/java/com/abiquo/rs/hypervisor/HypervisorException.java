package com.abiquo.rs.hypervisor;

/** A hypervisor operation failed; {@link #code()} goes to the job's notification. */
public class HypervisorException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String code;

    public HypervisorException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
