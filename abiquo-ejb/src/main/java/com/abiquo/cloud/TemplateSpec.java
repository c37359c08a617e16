package com.abiquo.cloud;

import com.abiquo.error.ApiError;
import com.abiquo.error.ApiException;

/** One template of an appliance manager's catalogue ({@code GET {am}/repository}). */
public record TemplateSpec(String path, String name, String description, String diskFormat, long diskFileSize,
        int cpuRequired, int ramRequired, long hdRequired, String osType, String iconUrl, String category) {

    /** Refuses a catalogue entry the platform could not use. */
    public void validate() {
        if (path == null || path.isBlank() || path.length() > 255 || name == null || name.isBlank()
                || name.length() > 128 || diskFormat == null || diskFormat.isBlank() || cpuRequired <= 0
                || ramRequired <= 0 || hdRequired <= 0 || diskFileSize < 0) {
            throw ApiException.of(ApiError.TEMPLATE_REPOSITORY_UNREADABLE, "invalid template '" + name + "'");
        }
    }
}
