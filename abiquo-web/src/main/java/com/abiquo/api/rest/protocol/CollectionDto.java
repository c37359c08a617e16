package com.abiquo.api.rest.protocol;

import java.util.ArrayList;
import java.util.List;

/** {@code {"collection":[...], "totalSize":N, "links":[first, previous, next, last]}}. */
public class CollectionDto<T> extends RestDto {
    public long totalSize;
    public List<T> collection = new ArrayList<>();

    public CollectionDto() {
    }

    public CollectionDto(List<T> collection, long totalSize) {
        this.collection = collection;
        this.totalSize = totalSize;
    }
}
