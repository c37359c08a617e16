package com.abiquo.scheduler.rules;

import java.util.Optional;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

/**
 * The CPU and RAM load a machine may take, in percent of its capacity: 0 to
 * {@link Integer#MAX_VALUE}, over 100 is overcommit.
 */
public record LoadLevel(int cpuLoadPercentage, int ramLoadPercentage) {

    /** What applies where no rule does: the machine's capacity, no overcommit. */
    public static final LoadLevel DEFAULT = new LoadLevel(100, 100);

    /** A level from client input: both percentages there and not negative, else 400. */
    public static LoadLevel of(Integer cpu, Integer ram) {
        if (cpu == null || ram == null || cpu < 0 || ram < 0) {
            throw ApiException.of(ApiError.RULE_INVALID_LOAD_PERCENTAGE, cpu, ram);
        }
        return new LoadLevel(cpu, ram);
    }

    /** What applies to a machine: the most specific rule of its machine, rack, datacenter, else the default. */
    public static LoadLevel mostSpecific(Optional<LoadLevel> machine, Optional<LoadLevel> rack,
            Optional<LoadLevel> datacenter) {
        return machine.or(() -> rack).or(() -> datacenter).orElse(DEFAULT);
    }

    /** CPUs the machine may have in use, at most: {@code cores × cpu% / 100}, without overflow. */
    public long maxCpus(int cores) {
        return (long) cores * cpuLoadPercentage / 100;
    }

    /** RAM (MB) the machine may have in use, at most. */
    public long maxRamInMb(int ramInMb) {
        return (long) ramInMb * ramLoadPercentage / 100;
    }
}
