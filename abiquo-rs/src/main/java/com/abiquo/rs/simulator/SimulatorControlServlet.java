package com.abiquo.rs.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.abiquo.messaging.model.Json;
import com.abiquo.messaging.model.MalformedMessageException;
import com.abiquo.messaging.model.VmState;
import com.abiquo.rs.RemoteServices;
import com.abiquo.rs.hypervisor.VmInfo;
import com.abiquo.rs.hypervisor.simulated.SimulatedHypervisor;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Changes the simulated hosts "outside the platform", for tests and demos:
 * <ul>
 * <li>{@code GET /simulator/hosts}: the hosts the simulator knows;
 * <li>{@code GET /simulator/hosts/{ip}/vms}: their VMs ({@code [{uuid, name, state, cpu, ramInMb}]});
 * <li>{@code GET /simulator/hosts/{ip}/vms/{uuid}}: one VM (404 when there is none);
 * <li>{@code POST /simulator/hosts/{ip}/vms/{uuid}/state} with {@code ON|OFF|PAUSED|CONFIGURED} as
 * text, JSON {@code {"state": "OFF"}} or a {@code state} parameter: sets it as someone on the host
 * would;
 * <li>{@code DELETE /simulator/hosts/{ip}/vms/{uuid}}: removes the VM from its host;
 * <li>{@code DELETE /simulator/hosts/{ip}}: the host disappears (the monitor reports its VMs UNKNOWN).
 * </ul>
 */
@WebServlet(urlPatterns = {"/simulator/hosts", "/simulator/hosts/*"})
public class SimulatorControlServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private SimulatedHypervisor simulator() {
        return RemoteServices.of(getServletContext()).simulator();
    }

    private static String[] parts(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null || info.equals("/") ? new String[0] : info.substring(1).split("/");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] p = parts(request);
        if (p.length == 0) {
            json(response, 200, simulator().hosts());
        } else if (p.length == 2 && p[1].equals("vms")) {
            json(response, 200, simulator().vms(p[0]).stream().map(SimulatorControlServlet::vm).toList());
        } else if (p.length == 3 && p[1].equals("vms")) {
            Optional<VmInfo> vm = simulator().vms(p[0]).stream().filter(v -> v.uuid().equals(p[2])).findFirst();
            if (vm.isEmpty()) {
                response.sendError(404);
            } else {
                json(response, 200, vm(vm.get()));
            }
        } else {
            response.sendError(404);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] p = parts(request);
        if (p.length != 4 || !p[1].equals("vms") || !p[3].equals("state")) {
            response.sendError(404);
            return;
        }
        String state = request.getParameter("state");
        if (state == null) {
            String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (body.startsWith("{")) {
                try {
                    Object s = Json.parseObject(body).get("state");
                    state = s == null ? "" : s.toString();
                } catch (MalformedMessageException e) {
                    state = "";
                }
            } else {
                state = body.replace("\"", "");
            }
        }
        VmState target;
        try {
            target = VmState.valueOf(state.trim().toUpperCase(Locale.ROOT));
            if (target == VmState.NOT_FOUND || target == VmState.UNKNOWN) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            response.sendError(400, "state must be ON, OFF, PAUSED or CONFIGURED");
            return;
        }
        Optional<VmInfo> changed = simulator().setState(p[0], p[2], target);
        if (changed.isEmpty()) {
            response.sendError(404);
        } else {
            json(response, 200, vm(changed.get()));
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] p = parts(request);
        if (p.length == 1) {
            response.setStatus(simulator().removeHost(p[0]) ? 204 : 404);
            return;
        }
        if (p.length != 3 || !p[1].equals("vms")) {
            response.sendError(404);
            return;
        }
        response.setStatus(simulator().remove(p[0], p[2]) ? 204 : 404);
    }

    private static Map<String, Object> vm(VmInfo v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", v.uuid());
        m.put("name", v.name());
        m.put("state", v.state().name());
        m.put("cpu", (long) v.cpu());
        m.put("ramInMb", (long) v.ramInMb());
        return m;
    }

    private static void json(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.write(body instanceof List<?> l ? List.copyOf(l) : body));
    }
}
