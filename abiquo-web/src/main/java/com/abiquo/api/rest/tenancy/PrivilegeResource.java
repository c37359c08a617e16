package com.abiquo.api.rest.tenancy;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.Collections;
import com.abiquo.api.rest.protocol.Ids;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.PagingParams;
import com.abiquo.api.security.Requires;
import com.abiquo.security.Privilege;
import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;
import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/config/privileges}: the fixed catalogue roles are made of (read-only). */
@Path("config/privileges")
@RequestScoped
public class PrivilegeResource {

    @Context
    UriInfo uriInfo;

    @GET
    @Produces({PrivilegeDto.COLLECTION_TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.USERS_VIEW_PRIVILEGES, Privilege.USERS_MANAGE_ROLES})
    public CollectionDto<PrivilegeDto> list(@BeanParam PagingParams paging) {
        PageRequest request = paging.toRequest();
        Comparator<Privilege> order = switch (request.by() == null ? "id" : request.by().toLowerCase(Locale.ROOT)) {
            case "id" -> Comparator.comparingInt(Privilege::id);
            case "name" -> Comparator.comparing(Privilege::name);
            default -> throw ApiException.of(ApiError.QUERY_INVALID_BY, request.by(), "id, name");
        };
        String has = request.has() == null ? "" : request.has().toUpperCase(Locale.ROOT);
        List<Privilege> matching = Arrays.stream(Privilege.values()).filter(p -> p.name().contains(has))
                .sorted(request.asc() ? order : order.reversed()).toList();
        Links links = Links.of(uriInfo);
        return Collections.of(Page.of(matching, request), p -> PrivilegeDto.from(p, links), uriInfo,
                PrivilegeDto.COLLECTION_TYPE);
    }

    @GET
    @Path("{privilege}")
    @Produces({PrivilegeDto.TYPE, AbiquoMediaTypes.JSON})
    @Requires({Privilege.USERS_VIEW_PRIVILEGES, Privilege.USERS_MANAGE_ROLES})
    public PrivilegeDto get(@PathParam("privilege") String id) {
        Privilege p = Privilege.byId(Ids.parse(id)).orElseThrow(() -> ApiException.of(ApiError.PRIVILEGE_NOT_FOUND));
        return PrivilegeDto.from(p, Links.of(uriInfo));
    }
}
