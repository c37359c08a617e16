package com.abiquo.scheduler.rules;

import java.util.Optional;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

/**
 * How the scheduler ranks the candidate machines: {@code PROGRESSIVE} packs (the machine under the
 * greater load first), {@code PERFORMANCE} spreads (the machine under the lesser load first).
 */
public enum FitPolicy {
    PROGRESSIVE,
    PERFORMANCE;

    /** What applies in a datacenter: its own rule, else the global default, else PROGRESSIVE. */
    public static FitPolicy effective(Optional<FitPolicy> datacenterRule, Optional<FitPolicy> globalRule) {
        return datacenterRule.or(() -> globalRule).orElse(PROGRESSIVE);
    }

    /** A policy from client input, else 400 naming the valid ones. */
    public static FitPolicy parse(String name) {
        for (FitPolicy p : values()) {
            if (p.name().equalsIgnoreCase(name == null ? "" : name.trim())) {
                return p;
            }
        }
        throw ApiException.of(ApiError.RULE_INVALID_FIT_POLICY, name);
    }
}
