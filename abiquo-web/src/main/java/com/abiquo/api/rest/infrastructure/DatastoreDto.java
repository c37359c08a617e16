package com.abiquo.api.rest.infrastructure;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.infrastructure.Datastore;
import com.abiquo.infrastructure.MachineSpec.DatastoreSpec;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** {@code datastore+json}: storage of a machine; sizes in bytes. */
public class DatastoreDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "datastore+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "datastores+json";

    public Integer id;

    @Size(min = 1, max = 255)
    public String name;

    @Size(min = 1, max = 255)
    public String rootPath;

    @Size(max = 255)
    public String directory;

    @Size(max = 255)
    public String datastoreUUID;

    public Boolean enabled;

    @Min(0)
    public Long size;

    @Min(0)
    public Long usedSize;

    DatastoreSpec toSpec() {
        return new DatastoreSpec(id, name, rootPath, directory, datastoreUUID, enabled, size, usedSize);
    }

    public static DatastoreDto from(Datastore d, Links links, String machinePath) {
        DatastoreDto dto = new DatastoreDto();
        dto.id = d.getId();
        dto.name = d.getName();
        dto.rootPath = d.getRootPath();
        dto.directory = d.getDirectory();
        dto.datastoreUUID = d.getDatastoreUuid();
        dto.enabled = d.isEnabled();
        dto.size = d.getSize();
        dto.usedSize = d.getUsedSize();
        dto.add(links.titled("self", TYPE, d.getName(), machinePath + "/datastores/" + d.getId()));
        dto.add(links.link("machine", MachineDto.TYPE, machinePath));
        return dto;
    }
}
