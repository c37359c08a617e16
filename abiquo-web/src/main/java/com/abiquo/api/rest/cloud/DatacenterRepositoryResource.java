package com.abiquo.api.rest.cloud;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.cloud.TemplateService;
import com.abiquo.cloud.TemplateSpec;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.security.Privilege;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/admin/enterprises/{e}/datacenterrepositories}: one repository per datacenter the
 * enterprise has a limit in; {@code PUT .../actions/refresh} imports the datacenter appliance
 * manager's catalogue (read over HTTP outside any transaction), and the templates are listed,
 * read, updated and deleted under {@code .../virtualmachinetemplates}.
 */
@Path("admin/enterprises/{enterprise}/datacenterrepositories")
@RequestScoped
@Transactional
public class DatacenterRepositoryResource {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TemplateService templates;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({DatacenterRepositoryDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.APPLIB_VIEW)
    public CollectionDto<DatacenterRepositoryDto> list(@PathParam("enterprise") String enterprise,
            @BeanParam PagingParams paging) {
        int e = Ids.parse(enterprise);
        Links links = Links.of(uriInfo);
        return Collections.of(templates.repositories(e, paging.toRequest()), dc -> DatacenterRepositoryDto.from(e, dc, links),
                uriInfo, DatacenterRepositoryDto.COLLECTION_TYPE);
    }

    @GET
    @Path("{repository}")
    @Produces({DatacenterRepositoryDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.APPLIB_VIEW)
    public DatacenterRepositoryDto get(@PathParam("enterprise") String enterprise, @PathParam("repository") String id) {
        int e = Ids.parse(enterprise);
        return DatacenterRepositoryDto.from(e, templates.repository(e, Ids.parse(id)), Links.of(uriInfo));
    }

    @PUT
    @Path("{repository}/actions/refresh")
    @Produces({DatacenterRepositoryDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.APPLIB_MANAGE_REPOSITORY)
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public DatacenterRepositoryDto refresh(@PathParam("enterprise") String enterprise,
            @PathParam("repository") String id) {
        int e = Ids.parse(enterprise);
        int dc = Ids.parse(id);
        List<TemplateSpec> catalogue = read(templates.applianceManagerUri(e, dc));
        return DatacenterRepositoryDto.from(e, templates.importCatalogue(e, dc, catalogue), Links.of(uriInfo));
    }

    @GET
    @Path("{repository}/virtualmachinetemplates")
    @Produces({VirtualMachineTemplateDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.APPLIB_VIEW)
    public CollectionDto<VirtualMachineTemplateDto> templates(@PathParam("enterprise") String enterprise,
            @PathParam("repository") String id, @BeanParam PagingParams paging,
            @QueryParam("hypervisorTypeName") String hypervisorType, @QueryParam("categoryName") String category) {
        Links links = Links.of(uriInfo);
        return Collections.of(templates.list(Ids.parse(enterprise), Ids.parse(id), hypervisorType, category,
                paging.toRequest()), t -> VirtualMachineTemplateDto.from(t, links), uriInfo,
                VirtualMachineTemplateDto.COLLECTION_TYPE);
    }

    @GET
    @Path("{repository}/virtualmachinetemplates/{template}")
    @Produces({VirtualMachineTemplateDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.APPLIB_VIEW)
    public VirtualMachineTemplateDto template(@PathParam("enterprise") String enterprise,
            @PathParam("repository") String id, @PathParam("template") String template) {
        return VirtualMachineTemplateDto.from(templates.get(Ids.parse(enterprise), Ids.parse(id), Ids.parse(template)),
                Links.of(uriInfo));
    }

    @PUT
    @Path("{repository}/virtualmachinetemplates/{template}")
    @Consumes({VirtualMachineTemplateDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({VirtualMachineTemplateDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.APPLIB_MANAGE_REPOSITORY)
    public VirtualMachineTemplateDto update(@PathParam("enterprise") String enterprise,
            @PathParam("repository") String id, @PathParam("template") String template, VirtualMachineTemplateDto body) {
        Bodies.require(body);
        return VirtualMachineTemplateDto.from(templates.update(Ids.parse(enterprise), Ids.parse(id), Ids.parse(template),
                new TemplateService.Changes(body.name, body.description, body.cpuRequired, body.ramRequired,
                        body.hdRequired, body.categoryName, body.iconUrl)), Links.of(uriInfo));
    }

    @DELETE
    @Path("{repository}/virtualmachinetemplates/{template}")
    @Requires(Privilege.APPLIB_MANAGE_REPOSITORY)
    public void delete(@PathParam("enterprise") String enterprise, @PathParam("repository") String id,
            @PathParam("template") String template) {
        templates.delete(Ids.parse(enterprise), Ids.parse(id), Ids.parse(template));
    }

    /** {@code GET {am}/repository}: the catalogue, as a list of templates. */
    private static List<TemplateSpec> read(String applianceManager) {
        String url = applianceManager.replaceAll("/+$", "") + "/repository";
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw ApiException.of(ApiError.TEMPLATE_REPOSITORY_UNREADABLE, url + " answered " + r.statusCode());
            }
            List<TemplateSpec> all = new ArrayList<>();
            for (JsonNode t : JSON.readTree(r.body())) {
                all.add(new TemplateSpec(t.path("path").asText(null), t.path("name").asText(null),
                        t.path("description").asText(""), t.path("diskFormat").asText(null),
                        t.path("diskFileSize").asLong(0), t.path("cpuRequired").asInt(0), t.path("ramRequired").asInt(0),
                        t.path("hdRequired").asLong(0), t.path("osType").asText(null), t.path("iconUrl").asText(""),
                        t.path("category").asText("Others")));
            }
            return all;
        } catch (IOException | IllegalArgumentException e) {
            throw ApiException.of(ApiError.TEMPLATE_REPOSITORY_UNREADABLE, url + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.of(ApiError.TEMPLATE_REPOSITORY_UNREADABLE, "interrupted");
        }
    }
}
