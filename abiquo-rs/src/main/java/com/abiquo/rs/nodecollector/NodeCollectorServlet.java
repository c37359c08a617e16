package com.abiquo.rs.nodecollector;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.abiquo.messaging.model.HypervisorConnection;
import com.abiquo.messaging.model.Json;
import com.abiquo.messaging.model.MalformedMessageException;
import com.abiquo.rs.RemoteServices;
import com.abiquo.rs.hypervisor.HostInfo;
import com.abiquo.rs.hypervisor.HypervisorException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The node collector: {@code GET /nodecollector/host?ip=&hypervisor=&user=&password=&port=} (as
 * Abiquo's) or {@code POST /nodecollector/host} with the same fields as a form or a JSON object
 * (preferred: the password stays out of URLs) answers the discovered machine as the API's machine
 * JSON, ready to POST to a rack's {@code machines} link (the client adds the password).
 *
 * <p>Neither the request's URL nor its parameters are ever logged here; errors name the missing
 * field, never its value.
 */
@WebServlet(urlPatterns = "/nodecollector/host")
public class NodeCollectorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    public static final String MACHINE_TYPE = "application/vnd.abiquo.machine+json";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        discover(response, request.getParameter("ip"), request.getParameter("hypervisor"), request.getParameter("user"),
                request.getParameter("password"), request.getParameter("port"));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!contentType.contains("json")) {
            doGet(request, response); // a form: the servlet container reads the body's parameters
            return;
        }
        Map<String, Object> body;
        try {
            body = Json.parseObject(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (MalformedMessageException e) {
            error(response, 400, "NC-1", "The body is not a JSON object: " + e.getMessage());
            return;
        }
        discover(response, text(body.get("ip")), text(body.get("hypervisor")), text(body.get("user")),
                text(body.get("password")), text(body.get("port")));
    }

    private static String text(Object o) {
        return o == null ? null : o.toString();
    }

    private void discover(HttpServletResponse response, String ip, String hypervisor, String user, String password,
            String port) throws IOException {
        if (ip == null || ip.isBlank() || hypervisor == null || hypervisor.isBlank()) {
            error(response, 400, "NC-1", "ip and hypervisor are required");
            return;
        }
        if (!ip.matches("((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*")) {
            error(response, 400, "NC-2", "ip must be an IP address");
            return;
        }
        String type = hypervisor.trim().toUpperCase(Locale.ROOT);
        int p;
        try {
            p = port == null || port.isBlank() ? defaultPort(type) : Integer.parseInt(port.trim());
        } catch (NumberFormatException e) {
            p = -1;
        }
        if (p < 0 || p > 65535) {
            error(response, 400, "NC-3", "port must be a number between 0 and 65535");
            return;
        }
        HostInfo host;
        try {
            HypervisorConnection connection = new HypervisorConnection(ip.trim(), p, type, user, password);
            host = RemoteServices.of(getServletContext()).plugins().forType(type).discover(connection);
        } catch (HypervisorException e) {
            error(response, 409, e.code(), e.getMessage());
            return;
        }
        response.setStatus(200);
        response.setContentType(MACHINE_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.write(machine(host, user)));
    }

    /** Abiquo's default management ports per hypervisor type. */
    static int defaultPort(String type) {
        return switch (type) {
            case "VMX_04" -> 443;
            case "HYPERV_301" -> 5985;
            case "XENSERVER" -> 9363;
            default -> 8889;
        };
    }

    /** The API's machine representation (what a rack's {@code machines} link accepts), without the password. */
    static Map<String, Object> machine(HostInfo host, String user) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", host.name());
        m.put("description", "Discovered by the node collector");
        m.put("ip", host.ip());
        m.put("ipService", host.ip());
        m.put("type", host.hypervisorType());
        m.put("user", user);
        m.put("port", (long) host.port());
        m.put("virtualCpuCores", (long) host.cpuCores());
        m.put("virtualRamInMb", (long) host.ramInMb());
        m.put("virtualCpusUsed", 0L);
        m.put("virtualRamUsedInMb", 0L);
        m.put("initiatorIQN", host.initiatorIqn());
        m.put("state", "MANAGED");
        List<Object> datastores = host.datastores().stream().map(d -> {
            Map<String, Object> ds = new LinkedHashMap<>();
            ds.put("name", d.name());
            ds.put("rootPath", d.rootPath());
            ds.put("directory", "abiquo");
            ds.put("datastoreUUID", d.uuid());
            ds.put("enabled", Boolean.TRUE);
            ds.put("size", d.sizeInBytes());
            ds.put("usedSize", d.usedInBytes());
            return (Object) ds;
        }).toList();
        m.put("datastores", Map.of("collection", datastores));
        List<Object> nics = host.nics().stream().map(n -> (Object) Map.of("name", n.name(), "mac", n.mac())).toList();
        m.put("networkInterfaces", Map.of("collection", nics));
        return m;
    }

    static void error(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/vnd.abiquo.errors+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.write(Map.of("collection", List.of(Map.of("code", code, "message", message)))));
    }
}
