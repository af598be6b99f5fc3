package cn.huzhu.payout.web;

import cn.huzhu.kafka.DeadLetterReplay;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The scheme administrator's replay of dead letters, once what made them fail is mended. */
@RestController
@RequestMapping("/api/dead-letters")
public class DeadLetterController {

    public record ReplayRequest(@NotBlank @Size(max = 200) String topic) {
    }

    private final DeadLetterReplay replay;

    public DeadLetterController(DeadLetterReplay replay) {
        this.replay = replay;
    }

    /**
     * Applies the dead letters of the topic that this service's listener dead-lettered, in order, after those replayed
     * before; idempotent (a decision applied twice changes nothing). Stops at the first that fails again and says where.
     */
    @PostMapping("/replay")
    public DeadLetterReplay.Result replay(@Valid @RequestBody ReplayRequest request) {
        return replay.replay(request.topic().strip());
    }
}
