package com.abiquo.it;

import static com.abiquo.it.Infra.MACHINE;
import static com.abiquo.it.Infra.MACHINES;
import static com.abiquo.it.Tenancy.edit;
import static com.abiquo.it.Tenancy.link;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

class ReservedMachineIT extends ApiIT {

    @Test
    void reserveListConflictAndRelease() {
        JsonNode rack = Infra.rack(Infra.datacenter(), "r");
        JsonNode machine = Infra.machine(rack, "host", Infra.ip());
        JsonNode other = Infra.machine(rack, "other", Infra.ip());
        JsonNode mine = Tenancy.enterprise(unique("resa"));
        JsonNode theirs = Tenancy.enterprise(unique("resb"));
        String reserved = edit(mine) + "/reservedmachines";
        String theirReserved = edit(theirs) + "/reservedmachines";
        assertThat(Infra.total(reserved, MACHINES)).isZero();

        Resp created = ADMIN.post(reserved, MACHINE, MACHINE, Map.of("links", List.of(link("machine", edit(machine)))))
                .expect(201);
        assertThat(created.json().path("id").asInt()).isEqualTo(machine.path("id").asInt());
        assertThat(created.link("edit")).isEqualTo(edit(machine));
        assertThat(created.link("enterprise")).isEqualTo(edit(mine));
        assertThat(Resp.linkNode(created.json(), "enterprise").path("type").asText()).isEqualTo(Tenancy.ENTERPRISE);
        String entry = created.link("reservedmachine");
        assertThat(entry).isEqualTo(Api.BASE + "/admin/enterprises/" + mine.path("id").asInt() + "/reservedmachines/"
                + machine.path("id").asInt());
        assertThat(created.body()).doesNotContain("hyp3rv1sor-s3cret");

        // again for the same enterprise changes nothing; the machine's own document works as a body too
        ADMIN.post(reserved, MACHINE, MACHINE, machine).expect(201);
        assertThat(ADMIN.get(reserved, MACHINES).expect(200).items()).extracting(n -> n.path("id").asInt())
                .containsExactly(machine.path("id").asInt());
        ADMIN.get(entry, MACHINE).expect(200);

        // another enterprise cannot take it, nor see it as theirs, nor release it
        ADMIN.post(theirReserved, MACHINE, MACHINE, Map.of("links", List.of(link("machine", edit(machine)))))
                .expectError(409, "RULE-6");
        ADMIN.get(theirReserved + "/" + machine.path("id").asInt(), MACHINE).expectError(404, "RULE-7");
        ADMIN.delete(theirReserved + "/" + machine.path("id").asInt()).expectError(404, "RULE-7");
        assertThat(Infra.total(theirReserved, MACHINES)).isZero();
        ADMIN.post(theirReserved, MACHINE, MACHINE, Map.of("links", List.of(link("machine", edit(other))))).expect(201);

        ADMIN.delete(entry).expect(204);
        ADMIN.get(entry, MACHINE).expectError(404, "RULE-7");
        assertThat(Infra.total(reserved, MACHINES)).isZero();
        ADMIN.post(theirReserved, MACHINE, MACHINE, Map.of("links", List.of(link("machine", edit(machine))))).expect(201);
        assertThat(Infra.total(theirReserved, MACHINES)).isEqualTo(2);

        // deleting the enterprise releases its machines; deleting a machine drops its reservation
        ADMIN.delete(edit(theirs)).expect(204);
        ADMIN.post(reserved, MACHINE, MACHINE, Map.of("links", List.of(link("machine", edit(machine))))).expect(201);
        ADMIN.delete(edit(machine)).expect(204);
        assertThat(Infra.total(reserved, MACHINES)).isZero();
    }

    @Test
    void badReservationsAre4xxAndWriteNothing() {
        JsonNode rack = Infra.rack(Infra.datacenter(), "r");
        JsonNode machine = Infra.machine(rack, "host", Infra.ip());
        JsonNode e = Tenancy.enterprise(unique("resbad"));
        String reserved = edit(e) + "/reservedmachines";
        ADMIN.post(reserved, MACHINE, MACHINE, Map.of("links", List.of())).expectError(400, "GEN-7");
        ADMIN.post(reserved, MACHINE, MACHINE, Map.of("links", List.of(link("machine", edit(rack))))).expectError(400,
                "GEN-6");
        ADMIN.post(reserved, MACHINE, MACHINE, Map.of("links", List.of(link("machine", edit(rack) + "/machines/999999"))))
                .expectError(404, "MACHINE-0");
        ADMIN.post("admin/enterprises/999999/reservedmachines", MACHINE, MACHINE,
                Map.of("links", List.of(link("machine", edit(machine))))).expectError(404, "EN-0");
        ADMIN.get("admin/enterprises/999999/reservedmachines", MACHINES).expectError(404, "EN-0");
        ADMIN.post(reserved, MACHINE, MACHINE, "").expectError(400, "GEN-8");
        assertThat(Infra.total(reserved, MACHINES)).isZero();
    }
}
