package com.abiquo.persistence;

import java.util.List;
import java.util.function.Function;

/** One page of a collection and the size of the whole (filtered) collection. */
public record Page<T>(List<T> items, long totalSize, PageRequest request) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), totalSize, request);
    }

    /** A page cut from a list that was filtered in memory. */
    public static <T> Page<T> of(List<T> all, PageRequest request) {
        int from = Math.min(request.startWith(), all.size());
        int to = request.unlimited() ? all.size() : Math.min(all.size(), from + request.limit());
        return new Page<>(List.copyOf(all.subList(from, to)), all.size(), request);
    }
}
