-- kinton: the foundation schema (infrastructure, tenancy, security, configuration).
-- Every table is InnoDB/utf8mb4; names follow Abiquo's where they are known.

CREATE TABLE datacenter (
  id           INT AUTO_INCREMENT PRIMARY KEY,
  name         VARCHAR(40)  NOT NULL,
  location     VARCHAR(255) NOT NULL,
  uuid         VARCHAR(64)  NULL,
  version      INT          NOT NULL DEFAULT 0,
  CONSTRAINT datacenter_name_uk UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE network_service_type (
  id            INT AUTO_INCREMENT PRIMARY KEY,
  datacenter_id INT          NOT NULL,
  name          VARCHAR(64)  NOT NULL,
  is_default    BOOLEAN      NOT NULL DEFAULT FALSE,
  CONSTRAINT nst_name_uk UNIQUE (datacenter_id, name),
  CONSTRAINT nst_datacenter_fk FOREIGN KEY (datacenter_id) REFERENCES datacenter (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE rack (
  id                    INT AUTO_INCREMENT PRIMARY KEY,
  datacenter_id         INT           NOT NULL,
  name                  VARCHAR(40)   NOT NULL,
  short_description     VARCHAR(30)   NULL,
  long_description      VARCHAR(100)  NULL,
  vlan_id_min           INT           NOT NULL DEFAULT 2,
  vlan_id_max           INT           NOT NULL DEFAULT 4094,
  vlans_id_avoided      VARCHAR(255)  NOT NULL DEFAULT '',
  vlan_per_vdc_reserved INT           NOT NULL DEFAULT 1,
  nrsq                  INT           NOT NULL DEFAULT 10,
  ha_enabled            BOOLEAN       NOT NULL DEFAULT FALSE,
  version               INT           NOT NULL DEFAULT 0,
  CONSTRAINT rack_name_uk UNIQUE (datacenter_id, name),
  CONSTRAINT rack_datacenter_fk FOREIGN KEY (datacenter_id) REFERENCES datacenter (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE enterprise (
  id                        INT AUTO_INCREMENT PRIMARY KEY,
  name                      VARCHAR(40) NOT NULL,
  cpu_soft                  BIGINT NOT NULL DEFAULT 0,
  cpu_hard                  BIGINT NOT NULL DEFAULT 0,
  ram_soft_mb               BIGINT NOT NULL DEFAULT 0,
  ram_hard_mb               BIGINT NOT NULL DEFAULT 0,
  disk_soft_mb              BIGINT NOT NULL DEFAULT 0,
  disk_hard_mb              BIGINT NOT NULL DEFAULT 0,
  storage_soft_mb           BIGINT NOT NULL DEFAULT 0,
  storage_hard_mb           BIGINT NOT NULL DEFAULT 0,
  repository_soft_mb        BIGINT NOT NULL DEFAULT 0,
  repository_hard_mb        BIGINT NOT NULL DEFAULT 0,
  vlans_soft                BIGINT NOT NULL DEFAULT 0,
  vlans_hard                BIGINT NOT NULL DEFAULT 0,
  public_ips_soft           BIGINT NOT NULL DEFAULT 0,
  public_ips_hard           BIGINT NOT NULL DEFAULT 0,
  vms_soft                  BIGINT NOT NULL DEFAULT 0,
  vms_hard                  BIGINT NOT NULL DEFAULT 0,
  reservation_restricted    BOOLEAN NOT NULL DEFAULT FALSE,
  version                   INT NOT NULL DEFAULT 0,
  CONSTRAINT enterprise_name_uk UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE enterprise_property (
  enterprise_id INT          NOT NULL,
  name          VARCHAR(64)  NOT NULL,
  value         VARCHAR(255) NOT NULL,
  PRIMARY KEY (enterprise_id, name),
  CONSTRAINT ep_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprise (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What an enterprise may use in one datacenter; without a row it may not use it at all.
CREATE TABLE enterprise_limit (
  id                INT AUTO_INCREMENT PRIMARY KEY,
  enterprise_id     INT    NOT NULL,
  datacenter_id     INT    NOT NULL,
  cpu_soft          BIGINT NOT NULL DEFAULT 0,
  cpu_hard          BIGINT NOT NULL DEFAULT 0,
  ram_soft_mb       BIGINT NOT NULL DEFAULT 0,
  ram_hard_mb       BIGINT NOT NULL DEFAULT 0,
  disk_soft_mb      BIGINT NOT NULL DEFAULT 0,
  disk_hard_mb      BIGINT NOT NULL DEFAULT 0,
  storage_soft_mb   BIGINT NOT NULL DEFAULT 0,
  storage_hard_mb   BIGINT NOT NULL DEFAULT 0,
  repository_soft_mb BIGINT NOT NULL DEFAULT 0,
  repository_hard_mb BIGINT NOT NULL DEFAULT 0,
  vlans_soft        BIGINT NOT NULL DEFAULT 0,
  vlans_hard        BIGINT NOT NULL DEFAULT 0,
  public_ips_soft   BIGINT NOT NULL DEFAULT 0,
  public_ips_hard   BIGINT NOT NULL DEFAULT 0,
  vms_soft          BIGINT NOT NULL DEFAULT 0,
  vms_hard          BIGINT NOT NULL DEFAULT 0,
  version           INT    NOT NULL DEFAULT 0,
  CONSTRAINT limit_dc_uk UNIQUE (enterprise_id, datacenter_id),
  CONSTRAINT limit_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprise (id) ON DELETE CASCADE,
  CONSTRAINT limit_datacenter_fk FOREIGN KEY (datacenter_id) REFERENCES datacenter (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE physicalmachine (
  id                 INT AUTO_INCREMENT PRIMARY KEY,
  rack_id            INT           NOT NULL,
  datacenter_id      INT           NOT NULL,
  name               VARCHAR(256)  NOT NULL,
  description        VARCHAR(100)  NULL,
  ip                 VARCHAR(64)   NOT NULL,
  ip_service         VARCHAR(64)   NOT NULL,
  port               INT           NOT NULL DEFAULT 0,
  hypervisor_type    VARCHAR(32)   NOT NULL,
  hypervisor_user    VARCHAR(255)  NULL,
  hypervisor_secret  VARCHAR(1024) NULL,
  cpu                INT           NOT NULL,
  cpu_used           INT           NOT NULL DEFAULT 0,
  ram_mb             INT           NOT NULL,
  ram_used_mb        INT           NOT NULL DEFAULT 0,
  state              VARCHAR(32)   NOT NULL DEFAULT 'MANAGED',
  initiator_iqn      VARCHAR(256)  NULL,
  enterprise_id      INT           NULL,
  version            INT           NOT NULL DEFAULT 0,
  CONSTRAINT machine_ip_uk UNIQUE (datacenter_id, ip),
  CONSTRAINT machine_rack_fk FOREIGN KEY (rack_id) REFERENCES rack (id),
  CONSTRAINT machine_datacenter_fk FOREIGN KEY (datacenter_id) REFERENCES datacenter (id),
  CONSTRAINT machine_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprise (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE datastore (
  id              INT AUTO_INCREMENT PRIMARY KEY,
  machine_id      INT           NOT NULL,
  name            VARCHAR(255)  NOT NULL,
  root_path       VARCHAR(255)  NOT NULL,
  directory       VARCHAR(255)  NOT NULL DEFAULT '',
  datastore_uuid  VARCHAR(255)  NULL,
  enabled         BOOLEAN       NOT NULL DEFAULT FALSE,
  size_bytes      BIGINT        NOT NULL DEFAULT 0,
  used_size_bytes BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT datastore_machine_fk FOREIGN KEY (machine_id) REFERENCES physicalmachine (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE network_interface (
  id                      INT AUTO_INCREMENT PRIMARY KEY,
  machine_id              INT          NOT NULL,
  name                    VARCHAR(64)  NOT NULL,
  mac                     VARCHAR(32)  NULL,
  network_service_type_id INT          NULL,
  CONSTRAINT nic_machine_fk FOREIGN KEY (machine_id) REFERENCES physicalmachine (id) ON DELETE CASCADE,
  CONSTRAINT nic_nst_fk FOREIGN KEY (network_service_type_id) REFERENCES network_service_type (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE remote_service (
  id            INT AUTO_INCREMENT PRIMARY KEY,
  datacenter_id INT          NOT NULL,
  type          VARCHAR(40)  NOT NULL,
  uri           VARCHAR(255) NOT NULL,
  status        INT          NOT NULL DEFAULT 0,
  uuid          VARCHAR(64)  NULL,
  version       INT          NOT NULL DEFAULT 0,
  CONSTRAINT rs_uri_uk UNIQUE (uri),
  CONSTRAINT rs_datacenter_fk FOREIGN KEY (datacenter_id) REFERENCES datacenter (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE privilege (
  id   INT         PRIMARY KEY,
  name VARCHAR(64) NOT NULL,
  CONSTRAINT privilege_name_uk UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE scope (
  id                       INT AUTO_INCREMENT PRIMARY KEY,
  name                     VARCHAR(60) NOT NULL,
  automatic_add_datacenter BOOLEAN     NOT NULL DEFAULT FALSE,
  automatic_add_enterprise BOOLEAN     NOT NULL DEFAULT FALSE,
  version                  INT         NOT NULL DEFAULT 0,
  CONSTRAINT scope_name_uk UNIQUE (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A role without an enterprise is global (a system role); one with an enterprise is that enterprise's own.
CREATE TABLE role (
  id            INT AUTO_INCREMENT PRIMARY KEY,
  name          VARCHAR(40) NOT NULL,
  blocked       BOOLEAN     NOT NULL DEFAULT FALSE,
  enterprise_id INT         NULL,
  scope_id      INT         NULL,
  version       INT         NOT NULL DEFAULT 0,
  CONSTRAINT role_name_uk UNIQUE (name, enterprise_id),
  CONSTRAINT role_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprise (id) ON DELETE CASCADE,
  CONSTRAINT role_scope_fk FOREIGN KEY (scope_id) REFERENCES scope (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE role_privilege (
  role_id      INT NOT NULL,
  privilege_id INT NOT NULL,
  PRIMARY KEY (role_id, privilege_id),
  CONSTRAINT rp_role_fk FOREIGN KEY (role_id) REFERENCES role (id) ON DELETE CASCADE,
  CONSTRAINT rp_privilege_fk FOREIGN KEY (privilege_id) REFERENCES privilege (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- credential_version moves on every password change: cached credentials, cookies and tokens of
-- the old password stop working on every node at the same moment.
CREATE TABLE users (
  id                  INT AUTO_INCREMENT PRIMARY KEY,
  enterprise_id       INT           NOT NULL,
  role_id             INT           NOT NULL,
  scope_id            INT           NULL,
  nick                VARCHAR(128)  NOT NULL,
  name                VARCHAR(128)  NOT NULL,
  surname             VARCHAR(128)  NOT NULL DEFAULT '',
  email               VARCHAR(200)  NOT NULL DEFAULT '',
  description         VARCHAR(255)  NOT NULL DEFAULT '',
  locale              VARCHAR(10)   NOT NULL DEFAULT 'en_US',
  auth_type           VARCHAR(20)   NOT NULL DEFAULT 'ABIQUO',
  password_hash       VARCHAR(255)  NOT NULL,
  credential_version  INT           NOT NULL DEFAULT 0,
  active              BOOLEAN       NOT NULL DEFAULT TRUE,
  locked              BOOLEAN       NOT NULL DEFAULT FALSE,
  first_login         BOOLEAN       NOT NULL DEFAULT TRUE,
  available_vdcs      VARCHAR(255)  NOT NULL DEFAULT '',
  version             INT           NOT NULL DEFAULT 0,
  CONSTRAINT users_nick_uk UNIQUE (nick),
  CONSTRAINT users_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
  CONSTRAINT users_role_fk FOREIGN KEY (role_id) REFERENCES role (id),
  CONSTRAINT users_scope_fk FOREIGN KEY (scope_id) REFERENCES scope (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE system_property (
  name        VARCHAR(128) PRIMARY KEY,
  value       VARCHAR(1024) NOT NULL,
  description VARCHAR(255)  NOT NULL DEFAULT ''
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Secrets generated once for the whole installation (e.g. the key that signs cookies and tokens).
CREATE TABLE installation_secret (
  name       VARCHAR(64)  PRIMARY KEY,
  value      VARCHAR(255) NOT NULL,
  created_at TIMESTAMP    NOT NULL DEFAULT CURRENT_TIMESTAMP
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO system_property (name, value, description) VALUES
 ('client.network.defaultName',       'default_private_network', 'Name of the default private network of a new virtual datacenter'),
 ('client.network.defaultNetmask',    '24',            'Netmask of the default private network'),
 ('client.network.defaultAddress',    '192.168.0.0',   'Address of the default private network'),
 ('client.network.defaultGateway',    '192.168.0.1',   'Gateway of the default private network'),
 ('client.network.defaultPrimaryDNS', '',              'Primary DNS of the default private network'),
 ('client.network.defaultSecondaryDNS','',             'Secondary DNS of the default private network'),
 ('client.network.defaultSufixDNS',   '',              'DNS suffix of the default private network'),
 ('client.main.enableHardwareProfiles','0',            'Whether virtual machines are sized by hardware profiles'),
 ('client.main.pollingInterval',       '5',            'Seconds between task polls of the client');
