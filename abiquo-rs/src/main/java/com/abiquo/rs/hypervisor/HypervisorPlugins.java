package com.abiquo.rs.hypervisor;

import java.util.List;

/** The installed plugins, chosen by hypervisor type: the first that supports it. */
public final class HypervisorPlugins {

    private final List<HypervisorPlugin> plugins;

    public HypervisorPlugins(List<HypervisorPlugin> plugins) {
        this.plugins = List.copyOf(plugins);
    }

    public HypervisorPlugin forType(String hypervisorType) {
        return plugins.stream().filter(p -> p.supports(hypervisorType)).findFirst()
                .orElseThrow(() -> new HypervisorException("RS-NO-PLUGIN",
                        "No hypervisor plugin for type '" + hypervisorType + "'"));
    }
}
