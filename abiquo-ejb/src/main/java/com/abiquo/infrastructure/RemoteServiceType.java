package com.abiquo.infrastructure;

import java.util.Locale;
import java.util.Optional;

/** The services a datacenter's remote services offer; some may exist once per datacenter only. */
public enum RemoteServiceType {
    VIRTUAL_FACTORY("virtualfactory", true, true),
    VIRTUAL_SYSTEM_MONITOR("vsm", false, true),
    NODE_COLLECTOR("nodecollector", false, true),
    STORAGE_SYSTEM_MONITOR("ssm", false, true),
    APPLIANCE_MANAGER("am", true, true),
    BPM_SERVICE("bpm-async", true, true),
    DHCP_SERVICE("dhcp", false, false);

    private final String path;
    private final boolean uniquePerDatacenter;
    private final boolean checkable;

    RemoteServiceType(String path, boolean uniquePerDatacenter, boolean checkable) {
        this.path = path;
        this.uniquePerDatacenter = uniquePerDatacenter;
        this.checkable = checkable;
    }

    public String path() {
        return path;
    }

    public boolean uniquePerDatacenter() {
        return uniquePerDatacenter;
    }

    public boolean checkable() {
        return checkable;
    }

    /** Abiquo accepts the name without underscores and in any case ({@code virtualfactory}). */
    public static Optional<RemoteServiceType> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.replace("_", "").toUpperCase(Locale.ROOT);
        for (RemoteServiceType t : values()) {
            if (t.name().replace("_", "").equals(wanted)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
