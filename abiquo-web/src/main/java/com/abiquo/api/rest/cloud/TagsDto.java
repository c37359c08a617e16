package com.abiquo.api.rest.cloud;

import java.util.List;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.CollectionDto;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.cloud.VirtualMachineTag;

/**
 * {@code tags+json}: {@code {"collection":[{"key":"k","value":"v"}]}}, a virtual machine's tags.
 * A PUT replaces them all; a bare {@code {}} (what Ansible sends) is the empty set and clears them.
 */
public class TagsDto extends CollectionDto<TagsDto.TagDto> {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "tags+json";

    /** {@code tag+json}: one key and its value. */
    public static class TagDto extends RestDto {
        public String key;
        public String value;
    }

    public static TagsDto from(List<VirtualMachineTag> tags) {
        TagsDto dto = new TagsDto();
        for (VirtualMachineTag t : tags) {
            TagDto tag = new TagDto();
            tag.key = t.getKey();
            tag.value = t.getValue();
            dto.collection.add(tag);
        }
        dto.totalSize = tags.size();
        return dto;
    }

    /** The pairs sent, {key, value} each, in order (a null collection is none). */
    public List<String[]> pairs() {
        return collection == null ? List.of() : collection.stream().filter(t -> t != null)
                .map(t -> new String[] {t.key, t.value}).toList();
    }
}
