package cn.huzhu.kafka;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The scheme administrator's replay of a service's dead letters, once what made them fail is mended. Every service that
 * consumes a topic imports it with its {@link DeadLetterReplay}; its access rules let only scheme administrators call it.
 */
@RestController
@RequestMapping("/api/dead-letters")
public class DeadLetterController {

    public record ReplayRequest(@NotBlank @Size(max = 200) String topic) {}

    private final DeadLetterReplay replay;

    public DeadLetterController(DeadLetterReplay replay) {
        this.replay = replay;
    }

    /**
     * Applies the dead letters of the topic that this service's listeners dead-lettered, in order, after those replayed
     * before; idempotent (a record applied twice changes nothing). A topic this service does not read is refused
     * (IllegalArgumentException, a 400 problem); a record that fails again is reported and passed over, and PostgreSQL or
     * Kafka out of reach stops the replay where it was.
     */
    @PostMapping("/replay")
    public DeadLetterReplay.Result replay(@Valid @RequestBody ReplayRequest request) {
        return replay.replay(request.topic().strip());
    }
}
