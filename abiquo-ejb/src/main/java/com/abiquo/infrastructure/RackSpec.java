package com.abiquo.infrastructure;

/** What a client may set on a rack; a null number or flag keeps the current (or default) value. */
public record RackSpec(String name, String shortDescription, String longDescription, Integer vlanIdMin,
        Integer vlanIdMax, String vlansIdAvoided, Integer vlanPerVdcReserved, Integer nrsq, Boolean haEnabled) {
}
