package com.abiquo.api.rest;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, at the root of the {@code /api} web module. */
@ApplicationPath("/")
public class AbiquoApplication extends Application {
}
