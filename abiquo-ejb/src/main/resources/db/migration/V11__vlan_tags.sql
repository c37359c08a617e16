-- The VLAN tag of each private network, drawn from its VDC's rack when the VDC first deploys
-- (the leader assigns them one deploy at a time, the rack row locked; released with the network).
ALTER TABLE vdc_network ADD COLUMN vlan_tag INT NULL;
CREATE INDEX vdc_network_vlan_tag_ix ON vdc_network (vlan_tag);
