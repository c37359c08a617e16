package com.abiquo.it;

import java.io.File;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.api.importer.ZipImporter;

/**
 * The built artefacts, deployed as they are under their production names (abiquo.ear,
 * abiquo-rs.war): the API's EAR and the remote services' WAR.
 */
public final class Deployments {

    private Deployments() {
    }

    public static EnterpriseArchive api() {
        return ShrinkWrap.create(ZipImporter.class, "abiquo.ear").importFrom(new File(System.getProperty("abiquo.ear")))
                .as(EnterpriseArchive.class);
    }

    public static WebArchive remoteServices() {
        return ShrinkWrap.create(ZipImporter.class, "abiquo-rs.war").importFrom(new File(System.getProperty("abiquo.rs.war")))
                .as(WebArchive.class);
    }
}
