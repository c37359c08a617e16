package com.abiquo.tenancy;

import com.abiquo.security.Privilege;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a privilege as its stable id. */
@Converter
public class PrivilegeIdConverter implements AttributeConverter<Privilege, Integer> {

    @Override
    public Integer convertToDatabaseColumn(Privilege privilege) {
        return privilege == null ? null : privilege.id();
    }

    @Override
    public Privilege convertToEntityAttribute(Integer id) {
        return id == null ? null : Privilege.byId(id).orElse(null);
    }
}
