package com.abiquo.it;

import static com.abiquo.it.Api.type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** Builds the physical infrastructure tests need, through the API and its links, as a client would. */
final class Infra {

    static final String DC = type("datacenter");
    static final String RACK = type("rack");
    static final String RACKS = type("racks");
    static final String MACHINE = type("machine");
    static final String MACHINES = type("machines");

    private static final Api ADMIN = Api.admin();

    private Infra() {
    }

    static JsonNode datacenter() {
        return ADMIN.post("admin/datacenters", DC, DC, Map.of("name", ApiIT.unique("dc"), "location", "Barcelona"))
                .expect(201).json();
    }

    static JsonNode rack(JsonNode dc, String name) {
        return ADMIN.post(Resp.findLink(dc, "racks").orElseThrow(), RACK, RACK, Map.of("name", name)).expect(201).json();
    }

    /** A machine document as a client posts it after discovery: one enabled datastore, one NIC. */
    static Map<String, Object> machineBody(String name, String ip) {
        Map<String, Object> datastore = new LinkedHashMap<>();
        datastore.put("name", "datastore1");
        datastore.put("rootPath", "/var/lib/virt");
        datastore.put("directory", "abiquo");
        datastore.put("datastoreUUID", "uuid-1");
        datastore.put("enabled", true);
        datastore.put("size", 1_000_000_000L);
        datastore.put("usedSize", 1000L);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", "a host");
        body.put("ip", ip);
        body.put("ipService", ip);
        body.put("type", "KVM");
        body.put("user", "root");
        body.put("password", "hyp3rv1sor-s3cret");
        body.put("port", 8889);
        body.put("virtualCpuCores", 8);
        body.put("virtualRamInMb", 16384);
        body.put("virtualCpusUsed", 0);
        body.put("virtualRamUsedInMb", 0);
        body.put("initiatorIQN", "iqn.2024-01.com.abiquo:host");
        body.put("datastores", Map.of("collection", new ArrayList<>(List.of(datastore))));
        body.put("networkInterfaces", Map.of("collection", List.of(Map.of("name", "eth0", "mac", "00:11:22:33:44:55"))));
        return body;
    }

    static JsonNode machine(JsonNode rack, String name, String ip) {
        return ADMIN.post(Resp.findLink(rack, "machines").orElseThrow(), MACHINE, MACHINE, machineBody(name, ip))
                .expect(201).json();
    }

    /** A fresh IP for this run (machines' IPs are unique per datacenter). */
    static String ip() {
        long n = System.nanoTime();
        return "10." + (n >> 16 & 0xff) + "." + (n >> 8 & 0xff) + "." + (1 + (n & 0xfd));
    }

    static long total(String collectionHref, String type) {
        return ADMIN.get(collectionHref, type).expect(200).json().path("totalSize").asLong();
    }
}
