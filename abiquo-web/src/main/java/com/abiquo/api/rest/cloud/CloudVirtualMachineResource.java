package com.abiquo.api.rest.cloud;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.cloud.PrivateNetworkService;
import com.abiquo.cloud.VirtualMachineService;
import com.abiquo.security.Privilege;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/cloud/virtualmachines}: every machine the caller may see ({@code vmlabel=} filters). */
@Path("cloud/virtualmachines")
@RequestScoped
@Transactional
public class CloudVirtualMachineResource {

    @Inject
    VirtualMachineService vms;

    @Inject
    PrivateNetworkService networks;

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({VirtualMachineDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires(Privilege.VDC_ENUMERATE)
    public CollectionDto<VirtualMachineDto> list(@BeanParam PagingParams paging, @QueryParam("vmlabel") String label) {
        Links links = Links.of(uriInfo);
        return Collections.of(vms.listVisible(label, paging.toRequest()),
                vm -> VirtualMachineDto.from(vm, networks.ipsOf(vm), links), uriInfo, VirtualMachineDto.COLLECTION_TYPE);
    }
}
