package com.abiquo.scheduler.placement;

import java.util.Objects;
import java.util.Optional;

/**
 * Either a placement, or the reason there is none (meant for the task's job error, e.g. "no MANAGED
 * KVM machine has 4 CPUs and 8192 MB free within its load rules ...").
 *
 * @param placement where the virtual machine goes, empty when there is no room
 * @param noRoomReason why there is no room, null when placed
 */
public record PlacementResult(Optional<Placement> placement, String noRoomReason) {

    public PlacementResult {
        Objects.requireNonNull(placement, "placement");
        if (placement.isPresent() == (noRoomReason != null)) {
            throw new IllegalArgumentException("a placement result has either a placement or a reason, not both");
        }
    }

    /** The virtual machine goes there. */
    public static PlacementResult placed(Placement placement) {
        return new PlacementResult(Optional.of(Objects.requireNonNull(placement, "placement")), null);
    }

    /** There is no room for the virtual machine, for that reason. */
    public static PlacementResult noRoom(String reason) {
        return new PlacementResult(Optional.empty(), Objects.requireNonNull(reason, "reason"));
    }

    /** Whether a machine was found. */
    public boolean isPlaced() {
        return placement.isPresent();
    }
}
