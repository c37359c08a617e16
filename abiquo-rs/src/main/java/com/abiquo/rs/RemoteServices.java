package com.abiquo.rs;

import java.time.Clock;
import java.util.List;
import java.util.logging.Logger;

import com.abiquo.config.AbiquoProperties;
import com.abiquo.rs.hypervisor.HypervisorPlugins;
import com.abiquo.rs.hypervisor.simulated.SimulatedHypervisor;
import com.abiquo.rs.messaging.ConfirmedPublisher;
import com.abiquo.rs.messaging.Rabbit;
import com.abiquo.rs.monitor.Monitor;
import com.abiquo.rs.virtualfactory.JobRunner;
import com.abiquo.rs.virtualfactory.VirtualFactory;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The remote services of one datacenter, started with the WAR and stopped with it: the simulated
 * hypervisor (the default plugin, for every hypervisor type), the virtual factory consuming the
 * datacenter's queue, the monitor. Servlets find it in the servlet context.
 */
@WebListener
public class RemoteServices implements ServletContextListener {

    private static final Logger LOG = Logger.getLogger(RemoteServices.class.getName());
    private static final String ATTRIBUTE = RemoteServices.class.getName();

    private RemoteServicesConfiguration configuration;
    private SimulatedHypervisor simulator;
    private HypervisorPlugins plugins;
    private ConfirmedPublisher publisher;
    private Monitor monitor;
    private VirtualFactory virtualFactory;

    public static RemoteServices of(ServletContext context) {
        return (RemoteServices) context.getAttribute(ATTRIBUTE);
    }

    @Override
    public void contextInitialized(ServletContextEvent event) {
        configuration = RemoteServicesConfiguration.from(AbiquoProperties.load());
        String dc = configuration.datacenterId();
        simulator = new SimulatedHypervisor(new SimulatedHypervisor.Settings(configuration.simulatorLatencyMs(),
                configuration.failConfigurePattern(), configuration.failPowerOnPattern(),
                configuration.failDeconfigurePattern(),
                configuration.dataDir().resolve("simulator-" + dc + ".json")));
        plugins = new HypervisorPlugins(List.of(simulator));
        Rabbit rabbit = new Rabbit(configuration);
        publisher = new ConfirmedPublisher(rabbit, dc, "abiquo-rs publisher " + dc);
        monitor = new Monitor(dc, simulator, e -> publisher.vsmEvent(e.messageId(), e.toJson()), Clock.systemUTC());
        monitor.start(configuration.monitorIntervalMs());
        if (configuration.virtualFactoryEnabled()) {
            virtualFactory = new VirtualFactory(dc, rabbit, new JobRunner(dc, plugins, monitor, Clock.systemUTC()),
                    configuration.virtualFactoryConcurrency());
            virtualFactory.start();
        }
        event.getServletContext().setAttribute(ATTRIBUTE, this);
        LOG.info(() -> "Remote services started: " + configuration);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (virtualFactory != null) {
            virtualFactory.stop();
        }
        if (monitor != null) {
            monitor.stop();
        }
        if (publisher != null) {
            publisher.close();
        }
    }

    public RemoteServicesConfiguration configuration() {
        return configuration;
    }

    public SimulatedHypervisor simulator() {
        return simulator;
    }

    public HypervisorPlugins plugins() {
        return plugins;
    }

    public Monitor monitor() {
        return monitor;
    }
}
