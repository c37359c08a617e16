package com.abiquo.api.rest.protocol;

import java.util.List;
import java.util.function.Function;

import com.abiquo.persistence.Page;
import com.abiquo.persistence.PageRequest;

import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/** Builds a collection representation from a page: items, {@code totalSize} and paging links. */
public final class Collections {

    private Collections() {
    }

    public static <E, D> CollectionDto<D> of(Page<E> page, Function<E, D> toDto, UriInfo uriInfo, String type) {
        CollectionDto<D> dto = new CollectionDto<>(page.items().stream().map(toDto).toList(), page.totalSize());
        addPagingLinks(dto, page.request(), page.totalSize(), uriInfo, type);
        return dto;
    }

    public static <D> CollectionDto<D> of(List<D> all, UriInfo uriInfo, String type) {
        CollectionDto<D> dto = new CollectionDto<>(all, all.size());
        addPagingLinks(dto, PageRequest.all(), all.size(), uriInfo, type);
        return dto;
    }

    /** A whole (unpaged) list of entities, each turned into its representation. */
    public static <E, D> CollectionDto<D> of(List<E> all, Function<E, D> toDto, UriInfo uriInfo, String type) {
        return of(all.stream().map(toDto).toList(), uriInfo, type);
    }

    private static void addPagingLinks(RestDto dto, PageRequest request, long total, UriInfo uriInfo, String type) {
        UriBuilder self = UriBuilder.fromUri(linkBase(uriInfo));
        if (request.unlimited()) {
            dto.add(new LinkDto("first", self.build().toString(), type, null));
            return;
        }
        int limit = request.limit();
        long start = request.startWith();
        long lastStart = total == 0 ? 0 : ((total - 1) / limit) * limit;
        dto.add(link("first", self, 0, limit, type));
        if (start > 0) {
            dto.add(link("previous", self, Math.max(0, start - limit), limit, type));
        }
        if (start + limit < total) {
            dto.add(link("next", self, start + limit, limit, type));
        }
        dto.add(link("last", self, lastStart, limit, type));
    }

    private static java.net.URI linkBase(UriInfo uriInfo) {
        // keep the client's filters (has, by, asc, ...) but replace paging
        Links links = Links.of(uriInfo);
        UriBuilder b = UriBuilder.fromUri(links.base() + "/" + uriInfo.getPath().replaceFirst("^/", ""));
        uriInfo.getQueryParameters().forEach((name, values) -> {
            if (!name.equals("startwith") && !name.equals("limit")) {
                b.queryParam(name, values.toArray());
            }
        });
        return b.build();
    }

    private static LinkDto link(String rel, UriBuilder self, long start, int limit, String type) {
        String href = self.clone().queryParam("startwith", start).queryParam("limit", limit).build().toString();
        return new LinkDto(rel, href, type, null);
    }
}
