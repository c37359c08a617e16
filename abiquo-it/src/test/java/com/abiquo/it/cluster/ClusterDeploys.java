package com.abiquo.it.cluster;

import static com.abiquo.it.Api.type;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.abiquo.it.Api;
import com.abiquo.it.Resp;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The deploy fixtures of the cluster tests (as com.abiquo.it.Deploys, but against a given API node
 * and the cluster's schema): a datacenter whose uuid names the queues of the cluster's remote
 * services, KVM machines with room, a tenant with an appliance, deploys and their tasks, and what
 * the simulated hosts of those remote services run.
 */
final class ClusterDeploys {

    static final String VM = type("virtualmachine");
    static final String TASK = type("task");
    static final String ACCEPTED = type("acceptedrequest");
    static final String MACHINE = type("machine");
    static final String SCHEMA = System.getProperty("it.cluster.db.name", "kinton_it_cluster");
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 1_000_000);

    private ClusterDeploys() {
    }

    static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** The same href on another node: http://host:port/api/x -> node's /api/x. */
    static String via(Endpoint node, String href) {
        return href.replaceFirst("^https?://[^/]+/api", node.root() + "/api");
    }

    /**
     * A datacenter with one rack and an appliance manager at {@code rs}, whose uuid is
     * {@code datacenterId} (the queues of the remote services); a datacenter that had that uuid
     * before gets another one.
     */
    static Datacenter datacenter(Endpoint api, Endpoint rs, String datacenterId) throws SQLException {
        Api admin = api.api();
        JsonNode dc = admin.post("admin/datacenters", type("datacenter"), type("datacenter"),
                Map.of("name", unique("dc"), "location", "Barcelona")).expect(201).json();
        JsonNode rack = admin.post(Resp.findLink(dc, "racks").orElseThrow(), type("rack"), type("rack"),
                Map.of("name", "rack")).expect(201).json();
        admin.post("admin/remoteservices", type("remoteservice"), type("remoteservice"), Map.of("type",
                "APPLIANCE_MANAGER", "uri", rs.root() + "/abiquo-rs/am/" + unique("am"), "links",
                List.of(link("datacenter", edit(dc))))).expect(201);
        takeQueues(datacenterId, dc.path("id").asInt());
        return new Datacenter(api, dc, rack);
    }

    /**
     * Gives the datacenter with that id the uuid that names the remote services' queues
     * ({@code datacenterId}); a datacenter that had it before gets another one.
     */
    static void takeQueues(String datacenterId, int id) throws SQLException {
        update("UPDATE datacenter SET uuid = CONCAT('retired-', id) WHERE uuid = ? AND id <> ?", datacenterId, id);
        update("UPDATE datacenter SET uuid = ? WHERE id = ?", datacenterId, id);
    }

    record Datacenter(Endpoint api, JsonNode dc, JsonNode rack) {

        int id() {
            return dc.path("id").asInt();
        }

        /** A KVM machine of {@code cpus} cores and {@code ramMb}, with a 10 TiB datastore (room is counted in CPUs and RAM). */
        JsonNode machine(int cpus, int ramMb) {
            Map<String, Object> datastore = new LinkedHashMap<>();
            datastore.put("name", "datastore1");
            datastore.put("rootPath", "/var/lib/virt");
            datastore.put("directory", "abiquo");
            datastore.put("datastoreUUID", unique("ds"));
            datastore.put("enabled", true);
            datastore.put("size", 10L << 40);
            datastore.put("usedSize", 0L);
            String ip = ip();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", unique("host"));
            body.put("description", "a host");
            body.put("ip", ip);
            body.put("ipService", ip);
            body.put("type", "KVM");
            body.put("user", "root");
            body.put("password", "hyp3rv1sor-s3cret");
            body.put("port", 8889);
            body.put("virtualCpuCores", cpus);
            body.put("virtualRamInMb", ramMb);
            body.put("virtualCpusUsed", 0);
            body.put("virtualRamUsedInMb", 0);
            body.put("initiatorIQN", "iqn.2024-01.com.abiquo:host");
            body.put("datastores", Map.of("collection", List.of(datastore)));
            body.put("networkInterfaces", Map.of("collection", List.of(Map.of("name", "eth0", "mac", "00:11:22:33:44:55"))));
            return api.api().post(Resp.findLink(rack, "machines").orElseThrow(), MACHINE, MACHINE, body).expect(201).json();
        }

        /** An enterprise with a limit here, its admin, a KVM VDC and an appliance, the Tiny Core template. */
        Tenant tenant() {
            Api admin = api.api();
            JsonNode e = admin.post("admin/enterprises", type("enterprise"), type("enterprise"),
                    Map.of("name", unique("tenant"))).expect(201).json();
            admin.post(Resp.findLink(e, "limits").orElseThrow(), type("limit"), type("limit"),
                    Map.of("links", List.of(link("location", edit(dc))))).expect(201);
            String nick = unique("eadmin");
            Map<String, Object> user = new HashMap<>();
            user.put("nick", nick);
            user.put("name", "Name of " + nick);
            user.put("surname", "Surname");
            user.put("email", nick + "@example.com");
            user.put("password", "s3cret-cloud-pw");
            user.put("links", List.of(link("role", api.url("admin/roles/3"))));
            admin.post(Resp.findLink(e, "users").orElseThrow(), type("user"), type("user"), user).expect(201);
            Api tenant = Api.basic(nick, "s3cret-cloud-pw").base(api.root() + "/api");
            Map<String, Object> vdcBody = new HashMap<>();
            vdcBody.put("name", unique("vdc"));
            vdcBody.put("hypervisorType", "KVM");
            vdcBody.put("links", List.of(link("location", api.url("cloud/locations/" + id()))));
            // room for ~1000 VMs (benchmarks deploy hundreds per tenant)
            vdcBody.put("network", Map.of("name", "default", "address", "10.64.0.0", "mask", 22, "gateway", "10.64.0.1"));
            Resp vdc = tenant.post("cloud/virtualdatacenters", type("virtualdatacenter"), type("virtualdatacenter"), vdcBody)
                    .expect(201);
            tenant.put(edit(e) + "/datacenterrepositories/" + id() + "/actions/refresh", null,
                    type("datacenterrepository"), null).expect(200);
            JsonNode template = tenant.get(vdc.link("templates") + "?has=tiny", type("virtualmachinetemplates"))
                    .expect(200).items().get(0);
            Resp vapp = tenant.post(vdc.link("virtualappliances"), type("virtualappliance"), type("virtualappliance"),
                    Map.of("name", "app")).expect(201);
            return new Tenant(tenant, vapp.link("edit"), Resp.findLink(template, "edit").orElseThrow());
        }
    }

    record Tenant(Api api, String vapp, String template) {

        JsonNode vm(String label, int cpu, int ram) {
            return api.post(vapp + "/virtualmachines", VM, VM, Map.of("label", label, "cpu", cpu, "ram", ram, "links",
                    List.of(link("virtualmachinetemplate", template)))).expect(201).json();
        }

        /** POSTs the VM's deploy link on {@code node}: 202, the task's status href (on that node). */
        String deploy(Endpoint node, JsonNode vm) {
            return api.post(via(node, Resp.findLink(vm, "deploy").orElseThrow()), null, ACCEPTED, null).expect(202)
                    .link("status");
        }

        /** The task (through {@code node}) once it is finished, or the last state seen at {@code deadline}. */
        JsonNode await(Endpoint node, String status, long deadline) throws InterruptedException {
            JsonNode task = null;
            while (System.currentTimeMillis() < deadline) {
                Resp r;
                try {
                    r = api.get(via(node, status), TASK);
                } catch (IllegalStateException e) {
                    Thread.sleep(200);
                    continue;
                }
                if (r.status() == 200) {
                    task = r.json();
                    String state = task.path("state").asText();
                    if (state.startsWith("FINISHED") || state.equals("ABORTED") || state.equals("CANCELLED")) {
                        return task;
                    }
                }
                Thread.sleep(100);
            }
            return task;
        }
    }

    /** What a simulated host of the remote services at {@code rs} runs: VM uuid -> state. */
    static Map<String, String> onHost(Endpoint rs, String ip) {
        Resp r = Api.anonymous().get(rs.root() + "/abiquo-rs/simulator/hosts/" + ip + "/vms", "application/json");
        Map<String, String> vms = new LinkedHashMap<>();
        if (r.status() == 404) {
            return vms;
        }
        r.expect(200);
        for (JsonNode vm : r.json()) {
            if (vms.put(vm.path("uuid").asText(), vm.path("state").asText()) != null) {
                throw new AssertionError("host " + ip + " runs " + vm.path("uuid").asText() + " twice");
            }
        }
        return vms;
    }

    /** Every VM uuid each simulated host runs, a uuid once per host it is on. */
    static List<String> allOnHosts(Endpoint rs, List<String> ips) {
        List<String> all = new ArrayList<>();
        for (String ip : ips) {
            Resp r = Api.anonymous().get(rs.root() + "/abiquo-rs/simulator/hosts/" + ip + "/vms", "application/json");
            if (r.status() != 404) {
                r.expect(200).json().forEach(vm -> all.add(vm.path("uuid").asText()));
            }
        }
        return all;
    }

    static Map<String, String> link(String rel, String href) {
        return Map.of("rel", rel, "href", href);
    }

    static String edit(JsonNode dto) {
        return Resp.findLink(dto, "edit").orElseThrow();
    }

    static String ip() {
        long n = SEQUENCE.incrementAndGet();
        return "10.77." + (n >> 8 & 0xff) + "." + (1 + (n & 0xfd));
    }

    static Connection db() throws SQLException {
        return DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + SCHEMA, "abiquo", "abiquo");
    }

    static int update(String sql, Object... args) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = prepare(c, sql, args)) {
            return ps.executeUpdate();
        }
    }

    /** Every row, each as its columns' strings. */
    static List<List<String>> rows(String sql, Object... args) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = prepare(c, sql, args); ResultSet rs = ps.executeQuery()) {
            List<List<String>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    static String value(String sql, Object... args) throws SQLException {
        List<List<String>> rows = rows(sql, args);
        return rows.isEmpty() ? null : rows.get(0).get(0);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
