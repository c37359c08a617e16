package com.abiquo.rs;

import com.abiquo.config.AbiquoProperties;

/** What remote services read from abiquo.properties: above all, which datacenter they serve. */
public record RemoteServicesConfiguration(String datacenterId) {

    public static final String DATACENTER_ID = "abiquo.datacenter.id";

    public static RemoteServicesConfiguration from(AbiquoProperties p) {
        String id = p.required(DATACENTER_ID);
        if (!id.isEmpty() && !id.matches("[A-Za-z0-9._\\-]{1,64}")) {
            p.problem(DATACENTER_ID, "must be 1-64 letters, digits, '.', '_' or '-' (it names the datacenter's queues)");
        }
        p.validate();
        return new RemoteServicesConfiguration(id);
    }
}
