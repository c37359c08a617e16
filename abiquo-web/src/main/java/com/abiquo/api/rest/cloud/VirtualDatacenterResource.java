package com.abiquo.api.rest.cloud;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Bodies;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.InputLinks;
import com.abiquo.api.rest.protocol.LinkDto;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.cloud.NetworkSpec;
import com.abiquo.cloud.PrivateNetworkService;
import com.abiquo.cloud.TemplateService;
import com.abiquo.cloud.VirtualDatacenterService;
import com.abiquo.cloud.VirtualMachineService;
import com.abiquo.cloud.Warnings;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.security.Privilege;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * {@code /api/cloud/virtualdatacenters}: a tenant's virtual datacenters, their private networks
 * (and IPs), the templates they can use and all their machines. Filters {@code enterprise},
 * {@code datacenter}, {@code has}; {@code force=true} goes over soft limits (with a Warning).
 */
@Path("cloud/virtualdatacenters")
@RequestScoped
@Transactional
public class VirtualDatacenterResource {

    @Inject
    VirtualDatacenterService vdcs;

    @Inject
    PrivateNetworkService networks;

    @Inject
    TemplateService templates;

    @Inject
    VirtualMachineService vms;

    @Inject
    Warnings warnings;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({VirtualDatacenterDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public CollectionDto<VirtualDatacenterDto> list(@BeanParam PagingParams paging,
            @QueryParam("enterprise") String enterprise, @QueryParam("datacenter") String datacenter) {
        Links links = Links.of(uriInfo);
        return Collections.of(vdcs.list(optionalId("enterprise", enterprise), optionalId("datacenter", datacenter),
                paging.toRequest()), v -> VirtualDatacenterDto.from(v, links), uriInfo, VirtualDatacenterDto.COLLECTION_TYPE);
    }

    @POST
    @Consumes({VirtualDatacenterDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({VirtualDatacenterDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE)
    public Response create(VirtualDatacenterDto body, @QueryParam("force") String force) {
        Bodies.require(body);
        LinkDto location = body.link("location").orElseThrow(() -> ApiException.of(ApiError.MISSING_LINK, "location"));
        int dc = datacenterId(location);
        Integer enterprise = body.link("enterprise").map(l -> InputLinks.ids(l, "admin/enterprises/{e}")[0]).orElse(null);
        PrivateNetworkDto n = body.network;
        VirtualDatacenterService.NetworkInput network = n == null ? null : input(n);
        if (n != null) {
            requireInternal(n);
        }
        var vdc = vdcs.create(new VirtualDatacenterService.Request(body.name.trim(), enterprise, dc, body.hypervisorType,
                network, body.toLimits(), forced(force)));
        return withWarnings(Response.status(Response.Status.CREATED), warnings)
                .entity(VirtualDatacenterDto.from(vdc, Links.of(uriInfo))).build();
    }

    @GET
    @Path("{vdc}")
    @Produces({VirtualDatacenterDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public VirtualDatacenterDto get(@PathParam("vdc") String id) {
        return VirtualDatacenterDto.from(vdcs.get(Ids.parse(id)), Links.of(uriInfo));
    }

    @PUT
    @Path("{vdc}")
    @Consumes({VirtualDatacenterDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({VirtualDatacenterDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE)
    public VirtualDatacenterDto update(@PathParam("vdc") String id, VirtualDatacenterDto body) {
        Bodies.require(body);
        return VirtualDatacenterDto.from(vdcs.update(Ids.parse(id), body.name.trim(), body.toLimits()), Links.of(uriInfo));
    }

    @DELETE
    @Path("{vdc}")
    @Requires(Privilege.VDC_MANAGE)
    public void delete(@PathParam("vdc") String id) {
        vdcs.delete(Ids.parse(id));
    }

    @GET
    @Path("{vdc}/templates")
    @Produces({VirtualMachineTemplateDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public CollectionDto<VirtualMachineTemplateDto> templates(@PathParam("vdc") String id, @BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(templates.usable(Ids.parse(id), paging.toRequest()),
                t -> VirtualMachineTemplateDto.from(t, links), uriInfo, VirtualMachineTemplateDto.COLLECTION_TYPE);
    }

    @GET
    @Path("{vdc}/virtualmachines")
    @Produces({VirtualMachineDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public CollectionDto<VirtualMachineDto> virtualMachines(@PathParam("vdc") String id, @BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(vms.listInVdc(Ids.parse(id), paging.toRequest()),
                vm -> VirtualMachineDto.from(vm, networks.ipsOf(vm), links), uriInfo, VirtualMachineDto.COLLECTION_TYPE);
    }

    @GET
    @Path("{vdc}/privatenetworks")
    @Produces({PrivateNetworkDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public CollectionDto<PrivateNetworkDto> networks(@PathParam("vdc") String id, @BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(networks.list(Ids.parse(id), paging.toRequest()), n -> PrivateNetworkDto.from(n, links),
                uriInfo, PrivateNetworkDto.COLLECTION_TYPE);
    }

    @POST
    @Path("{vdc}/privatenetworks")
    @Consumes({PrivateNetworkDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({PrivateNetworkDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE_NETWORK)
    public Response createNetwork(@PathParam("vdc") String id, PrivateNetworkDto body, @QueryParam("force") String force) {
        Bodies.require(body);
        if (body.name == null || body.address == null || body.mask == null || body.gateway == null) {
            throw ApiException.of(ApiError.NETWORK_INVALID, "name, address, mask and gateway are required");
        }
        NetworkSpec spec = new NetworkSpec(body.name.trim(), body.address.trim(), body.mask, body.gateway.trim(),
                blank(body.primaryDNS), blank(body.secondaryDNS), blank(body.sufixDNS));
        var n = networks.create(Ids.parse(id), spec, forced(force));
        return withWarnings(Response.status(Response.Status.CREATED), warnings)
                .entity(PrivateNetworkDto.from(n, Links.of(uriInfo))).build();
    }

    @GET
    @Path("{vdc}/privatenetworks/{network}")
    @Produces({PrivateNetworkDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public PrivateNetworkDto network(@PathParam("vdc") String id, @PathParam("network") String network) {
        return PrivateNetworkDto.from(networks.get(Ids.parse(id), Ids.parse(network)), Links.of(uriInfo));
    }

    /** Name, gateway and DNS; address and mask only while no IP is in use (409 NETWORK-4). */
    @PUT
    @Path("{vdc}/privatenetworks/{network}")
    @Consumes({PrivateNetworkDto.TYPE, AbiquoMediaTypes.JSON})
    @Produces({PrivateNetworkDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_MANAGE_NETWORK)
    public PrivateNetworkDto updateNetwork(@PathParam("vdc") String id, @PathParam("network") String network,
            PrivateNetworkDto body) {
        Bodies.require(body);
        requireInternal(body);
        return PrivateNetworkDto.from(networks.update(Ids.parse(id), Ids.parse(network), input(body)), Links.of(uriInfo));
    }

    @DELETE
    @Path("{vdc}/privatenetworks/{network}")
    @Requires(Privilege.VDC_MANAGE_NETWORK)
    public void deleteNetwork(@PathParam("vdc") String id, @PathParam("network") String network) {
        networks.delete(Ids.parse(id), Ids.parse(network));
    }

    @GET
    @Path("{vdc}/privatenetworks/{network}/ips")
    @Produces({IpDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public CollectionDto<IpDto> ips(@PathParam("vdc") String id, @PathParam("network") String network,
            @BeanParam PagingParams paging) {
        Links links = Links.of(uriInfo);
        return Collections.of(networks.ips(Ids.parse(id), Ids.parse(network), paging.toRequest()),
                ip -> IpDto.from(ip, links), uriInfo, IpDto.COLLECTION_TYPE);
    }

    @GET
    @Path("{vdc}/privatenetworks/{network}/ips/{ip}")
    @Produces({IpDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public IpDto ip(@PathParam("vdc") String id, @PathParam("network") String network, @PathParam("ip") String ip) {
        return IpDto.from(networks.ip(Ids.parse(id), Ids.parse(network), Ids.parse(ip)), Links.of(uriInfo));
    }

    private static VirtualDatacenterService.NetworkInput input(PrivateNetworkDto n) {
        return new VirtualDatacenterService.NetworkInput(n.name, n.address, n.mask, n.gateway, n.primaryDNS,
                n.secondaryDNS, n.sufixDNS);
    }

    private static void requireInternal(PrivateNetworkDto n) {
        if (n.type != null && !n.type.equalsIgnoreCase("INTERNAL")) {
            throw ApiException.of(ApiError.NETWORK_INVALID, "the network of a virtual datacenter must be INTERNAL");
        }
    }

    /** A location link: {@code /cloud/locations/{dc}} or {@code /admin/datacenters/{dc}}. */
    private static int datacenterId(LinkDto location) {
        try {
            return InputLinks.ids(location, "cloud/locations/{dc}")[0];
        } catch (ApiException notALocation) {
            return InputLinks.ids(location, "admin/datacenters/{dc}")[0];
        }
    }

    static Integer optionalId(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.of(ApiError.QUERY_INVALID_PARAMETER, name, "must be an id");
        }
    }

    static boolean forced(String force) {
        return force != null && force.equalsIgnoreCase("true");
    }

    static Response.ResponseBuilder withWarnings(Response.ResponseBuilder r, Warnings warnings) {
        warnings.messages().forEach(w -> r.header("Warning", "199 abiquo \"" + w.replace("\"", "'") + "\""));
        return r;
    }

    private static String blank(String s) {
        return s == null ? "" : s.trim();
    }
}
