package com.abiquo.rs;

import java.io.IOException;
import java.io.InputStream;

import com.abiquo.config.AbiquoProperties;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The appliance manager: {@code GET /am[/...]/repository} answers the datacenter's template
 * catalogue (JSON list of {path, name, description, diskFormat, diskFileSize, cpuRequired,
 * ramRequired, hdRequired, osType, iconUrl, category, url}), shipped as {@code repository.json}.
 * {@code /am/<anything>/check} answers like {@code /am/check}, so one server can stand for the
 * appliance managers of several datacenters.
 */
@WebServlet(urlPatterns = "/am/*")
public class ApplianceManagerServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private transient RemoteServicesConfiguration configuration;

    @Override
    public void init() throws ServletException {
        configuration = RemoteServicesConfiguration.from(AbiquoProperties.load());
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.endsWith("/check")) {
            response.setStatus(200);
            response.setContentType(CheckServlet.CONTENT_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(configuration.datacenterId());
            return;
        }
        if (!path.endsWith("/repository")) {
            response.sendError(404);
            return;
        }
        response.setStatus(200);
        response.setContentType("application/json");
        try (InputStream in = ApplianceManagerServlet.class.getResourceAsStream("repository.json")) {
            in.transferTo(response.getOutputStream());
        }
    }
}
