package com.abiquo.rs;

import java.io.IOException;
import java.util.logging.Logger;

import com.abiquo.config.AbiquoProperties;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET [/<service>]/check}: 200 with this datacenter's id ({@code abiquo.datacenter.id}) when the remote
 * services are up. The API learns the datacenter's uuid from it, and with it the queue names.
 */
@WebServlet(loadOnStartup = 1, urlPatterns = {"/check", "/virtualfactory/check", "/nodecollector/check",
    "/vsm/check", "/ssm/check", "/am/check", "/bpm-async/check"})
public class CheckServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CheckServlet.class.getName());
    public static final String CONTENT_TYPE = "text/vnd.abiquo.datacenteruuid";

    private transient RemoteServicesConfiguration configuration;

    @Override
    public void init() throws ServletException {
        configuration = RemoteServicesConfiguration.from(AbiquoProperties.load());
        LOG.info(() -> "Remote services of datacenter '" + configuration.datacenterId() + "' ready");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(200);
        response.setContentType(CONTENT_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(configuration.datacenterId());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }
}
