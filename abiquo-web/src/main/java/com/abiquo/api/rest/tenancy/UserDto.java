package com.abiquo.api.rest.tenancy;

import com.abiquo.api.rest.protocol.AbiquoMediaTypes;
import com.abiquo.api.rest.protocol.InputLinks;
import com.abiquo.api.rest.protocol.Links;
import com.abiquo.api.rest.protocol.RestDto;
import com.abiquo.tenancy.User;
import com.abiquo.tenancy.UserService;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code user+json}. The password is write-only: it is read on input and never returned. The role
 * is a {@code role} link ({@code /admin/roles/{r}}); the enterprise is the one of the URL.
 */
public class UserDto extends RestDto {
    public static final String TYPE = AbiquoMediaTypes.PREFIX + "user+json";
    public static final String COLLECTION_TYPE = AbiquoMediaTypes.PREFIX + "users+json";

    public Integer id;

    @NotBlank
    @Size(max = 128)
    @Pattern(regexp = "[A-Za-z0-9._@\\-]+", message = "may hold only letters, digits and . _ @ -")
    public String nick;

    @NotBlank
    @Size(max = 128)
    public String name;

    @Size(max = 128)
    public String surname;

    @Email
    @Size(max = 200)
    public String email;

    @Size(max = 255)
    public String description;

    @Size(max = 10)
    public String locale;

    @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
    @Size(max = 255)
    public String password;

    public String authType;
    public Boolean active;
    public Boolean locked;
    public Boolean firstLogin;

    @Size(max = 255)
    public String availableVirtualDatacenters;

    public static UserDto from(User u, Links links) {
        UserDto dto = new UserDto();
        dto.id = u.getId();
        dto.nick = u.getNick();
        dto.name = u.getName();
        dto.surname = u.getSurname();
        dto.email = u.getEmail();
        dto.description = u.getDescription();
        dto.locale = u.getLocale();
        dto.authType = u.getAuthType();
        dto.active = u.isActive();
        dto.locked = u.isLocked();
        dto.firstLogin = u.isFirstLogin();
        dto.availableVirtualDatacenters = u.getAvailableVirtualDatacenters();
        dto.add(links.titled("edit", TYPE, u.getNick(), EnterpriseDto.path(u.getEnterprise().getId()) + "/users/"
                + u.getId()));
        dto.add(EnterpriseDto.link(links, u.getEnterprise()));
        dto.add(RoleDto.link(links, u.getRole()));
        return dto;
    }

    /** The fields a client gives; role and password travel apart (a link, and a write-only field). */
    public UserService.Profile profile() {
        return new UserService.Profile(nick, name, surname, email, description, locale, active, locked,
                availableVirtualDatacenters);
    }

    /** The role a document names with its {@code role} link, if any. */
    public Integer roleId() {
        return link("role").map(l -> InputLinks.ids(l, RoleDto.TEMPLATE)[0]).orElse(null);
    }
}
