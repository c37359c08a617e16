package com.abiquo.api;

import com.abiquo.api.rest.protocol.Links;
import com.abiquo.startup.ApiNode;

import jakarta.ejb.EJB;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Web-side start of the node: fails the deployment at once when the node could not start (bad
 * configuration, unreachable database), and sets the public base URL that links are built on.
 */
@WebListener
public class ApiContextListener implements ServletContextListener {

    @EJB
    ApiNode node;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        node.requireStarted();
        node.configuration().apiLocation().ifPresent(Links::configureBase);
    }
}
