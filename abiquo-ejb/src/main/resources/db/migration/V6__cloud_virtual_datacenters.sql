-- The cloud side: virtual datacenters with private networks and their IPs, virtual appliances,
-- templates (per enterprise and datacenter repository) and virtual machines.

CREATE TABLE virtual_datacenter (
  id              INT AUTO_INCREMENT PRIMARY KEY,
  name            VARCHAR(128) NOT NULL,
  enterprise_id   INT          NOT NULL,
  datacenter_id   INT          NOT NULL,
  hypervisor_type VARCHAR(32)  NOT NULL,
  default_network_id INT       NULL,
  cpu_soft BIGINT NOT NULL DEFAULT 0, cpu_hard BIGINT NOT NULL DEFAULT 0, ram_soft_mb BIGINT NOT NULL DEFAULT 0, ram_hard_mb BIGINT NOT NULL DEFAULT 0,
  disk_soft_mb BIGINT NOT NULL DEFAULT 0, disk_hard_mb BIGINT NOT NULL DEFAULT 0, storage_soft_mb BIGINT NOT NULL DEFAULT 0, storage_hard_mb BIGINT NOT NULL DEFAULT 0,
  repository_soft_mb BIGINT NOT NULL DEFAULT 0, repository_hard_mb BIGINT NOT NULL DEFAULT 0, vlans_soft BIGINT NOT NULL DEFAULT 0, vlans_hard BIGINT NOT NULL DEFAULT 0,
  public_ips_soft BIGINT NOT NULL DEFAULT 0, public_ips_hard BIGINT NOT NULL DEFAULT 0, vms_soft BIGINT NOT NULL DEFAULT 0, vms_hard BIGINT NOT NULL DEFAULT 0,
  version         INT          NOT NULL DEFAULT 0,
  CONSTRAINT vdc_name_uk UNIQUE (enterprise_id, name),
  CONSTRAINT vdc_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
  CONSTRAINT vdc_datacenter_fk FOREIGN KEY (datacenter_id) REFERENCES datacenter (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE vdc_network (
  id            INT AUTO_INCREMENT PRIMARY KEY,
  vdc_id        INT          NOT NULL,
  name          VARCHAR(128) NOT NULL,
  address       VARCHAR(15)  NOT NULL,
  mask          INT          NOT NULL,
  gateway       VARCHAR(15)  NOT NULL,
  primary_dns   VARCHAR(255) NOT NULL DEFAULT '',
  secondary_dns VARCHAR(255) NOT NULL DEFAULT '',
  sufix_dns     VARCHAR(255) NOT NULL DEFAULT '',
  type          VARCHAR(16)  NOT NULL DEFAULT 'INTERNAL',
  version       INT          NOT NULL DEFAULT 0,
  CONSTRAINT vdcnet_name_uk UNIQUE (vdc_id, name),
  CONSTRAINT vdcnet_vdc_fk FOREIGN KEY (vdc_id) REFERENCES virtual_datacenter (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE virtual_datacenter ADD CONSTRAINT vdc_default_network_fk
  FOREIGN KEY (default_network_id) REFERENCES vdc_network (id) ON DELETE SET NULL;

CREATE TABLE virtual_appliance (
  id          INT AUTO_INCREMENT PRIMARY KEY,
  vdc_id      INT          NOT NULL,
  name        VARCHAR(128) NOT NULL,
  description VARCHAR(255) NOT NULL DEFAULT '',
  version     INT          NOT NULL DEFAULT 0,
  CONSTRAINT vapp_vdc_fk FOREIGN KEY (vdc_id) REFERENCES virtual_datacenter (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A template of an enterprise's repository in a datacenter, imported from the datacenter's
-- appliance manager catalogue (path identifies it there; refresh updates in place).
CREATE TABLE vm_template (
  id             INT AUTO_INCREMENT PRIMARY KEY,
  enterprise_id  INT          NOT NULL,
  datacenter_id  INT          NOT NULL,
  path           VARCHAR(255) NOT NULL,
  name           VARCHAR(128) NOT NULL,
  description    VARCHAR(255) NOT NULL DEFAULT '',
  disk_format    VARCHAR(32)  NOT NULL,
  disk_file_size BIGINT       NOT NULL DEFAULT 0,
  cpu_required   INT          NOT NULL,
  ram_required   INT          NOT NULL,
  hd_required    BIGINT       NOT NULL,
  os_type        VARCHAR(64)  NOT NULL DEFAULT 'UNRECOGNIZED',
  icon_url       VARCHAR(255) NOT NULL DEFAULT '',
  category       VARCHAR(64)  NOT NULL DEFAULT 'Others',
  version        INT          NOT NULL DEFAULT 0,
  CONSTRAINT tpl_path_uk UNIQUE (enterprise_id, datacenter_id, path),
  CONSTRAINT tpl_enterprise_fk FOREIGN KEY (enterprise_id) REFERENCES enterprise (id) ON DELETE CASCADE,
  CONSTRAINT tpl_datacenter_fk FOREIGN KEY (datacenter_id) REFERENCES datacenter (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE virtual_machine (
  id               INT AUTO_INCREMENT PRIMARY KEY,
  vapp_id          INT          NOT NULL,
  template_id      INT          NOT NULL,
  uuid             VARCHAR(36)  NOT NULL,
  name             VARCHAR(64)  NOT NULL,
  label            VARCHAR(128) NOT NULL,
  description      VARCHAR(255) NOT NULL DEFAULT '',
  password         VARCHAR(32)  NOT NULL,
  cpu              INT          NOT NULL,
  ram              INT          NOT NULL,
  hd               BIGINT       NOT NULL,
  cores_per_socket INT          NOT NULL DEFAULT 1,
  state            VARCHAR(16)  NOT NULL,
  version          INT          NOT NULL DEFAULT 0,
  CONSTRAINT vm_uuid_uk UNIQUE (uuid),
  CONSTRAINT vm_vapp_fk FOREIGN KEY (vapp_id) REFERENCES virtual_appliance (id),
  CONSTRAINT vm_template_fk FOREIGN KEY (template_id) REFERENCES vm_template (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- An IP handed out on a private network: one row per used address, unique per network, taken
-- under a lock of the network row (so concurrent creations never share one).
CREATE TABLE vdc_ip (
  id                 INT AUTO_INCREMENT PRIMARY KEY,
  network_id         INT         NOT NULL,
  ip                 VARCHAR(15) NOT NULL,
  mac                VARCHAR(17) NOT NULL,
  virtual_machine_id INT         NULL,
  CONSTRAINT ip_network_uk UNIQUE (network_id, ip),
  CONSTRAINT ip_network_fk FOREIGN KEY (network_id) REFERENCES vdc_network (id) ON DELETE CASCADE,
  CONSTRAINT ip_vm_fk FOREIGN KEY (virtual_machine_id) REFERENCES virtual_machine (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
