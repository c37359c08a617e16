package com.abiquo.infrastructure;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;

/**
 * The VLAN tags a rack hands out to the private networks of the virtual datacenters placed on it:
 * {@code vlanIdMin..vlanIdMax} minus the avoided ones ({@code "20,30-40"}: single tags and
 * inclusive ranges, comma separated), lowest free tag first.
 */
public final class VlanTags {

    private final int min;
    private final int max;
    private final BitSet avoided;

    private VlanTags(int min, int max, BitSet avoided) {
        this.min = min;
        this.max = max;
        this.avoided = avoided;
    }

    public static VlanTags of(Rack rack) {
        return new VlanTags(rack.getVlanIdMin(), rack.getVlanIdMax(), parseAvoided(rack.getVlansIdAvoided()));
    }

    static VlanTags of(int min, int max, String avoided) {
        return new VlanTags(min, max, parseAvoided(avoided));
    }

    /**
     * The avoided tags of {@code text} (blank: none).
     *
     * @throws IllegalArgumentException naming the part that is not a tag or a range of tags
     */
    public static BitSet parseAvoided(String text) {
        BitSet tags = new BitSet();
        if (text == null || text.isBlank()) {
            return tags;
        }
        for (String part : text.split(",")) {
            String p = part.strip();
            String[] bounds = p.split("-", -1);
            try {
                int from = Integer.parseInt(bounds[0].strip());
                int to = bounds.length == 2 ? Integer.parseInt(bounds[1].strip()) : from;
                if (bounds.length > 2 || from < 0 || to < from || to > 4096) {
                    throw new NumberFormatException();
                }
                tags.set(from, to + 1);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' is neither a VLAN tag nor a range of tags like 30-40");
            }
        }
        return tags;
    }

    /** How many tags are still free when {@code used} are taken. */
    public int free(Collection<Integer> used) {
        return take(Integer.MAX_VALUE, used).size();
    }

    /** Up to {@code n} free tags, lowest first. */
    public List<Integer> take(int n, Collection<Integer> used) {
        BitSet taken = (BitSet) avoided.clone();
        used.forEach(taken::set);
        List<Integer> free = new ArrayList<>();
        for (int tag = taken.nextClearBit(min); tag <= max && free.size() < n; tag = taken.nextClearBit(tag + 1)) {
            free.add(tag);
        }
        return free;
    }
}
