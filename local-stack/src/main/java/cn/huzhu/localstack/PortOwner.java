package cn.huzhu.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which process listens on a TCP port, read from Linux's {@code /proc}: a health check that answers on a service's port
 * proves nothing when another process took that port first (the service started then fails to bind and exits). Where
 * {@code /proc} cannot be read (another system, another user's process), the answer is unknown.
 */
public final class PortOwner {

    private static final String LISTEN = "0A";

    private PortOwner() {}

    /** Whether the process {@code pid} holds a socket listening on {@code port}; empty when that cannot be told. */
    public static Optional<Boolean> heldBy(int port, long pid) {
        Set<String> sockets = listeningSockets(port);
        if (sockets == null) {
            return Optional.empty();
        }
        if (sockets.isEmpty()) {
            return Optional.of(false);
        }
        Path descriptors = Path.of("/proc", Long.toString(pid), "fd");
        try (Stream<Path> fds = Files.list(descriptors)) {
            return Optional.of(fds.anyMatch(fd -> sockets.contains(target(fd))));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** The inodes of the sockets listening on the port, as {@code socket:[inode]}; null when /proc/net cannot be read. */
    static Set<String> listeningSockets(int port) {
        Set<String> sockets = new HashSet<>();
        boolean read = false;
        String hexPort = String.format(":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines;
            try {
                lines = Files.readAllLines(Path.of(table));
            } catch (IOException | SecurityException e) {
                continue;
            }
            read = true;
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 9 && fields[1].endsWith(hexPort) && LISTEN.equals(fields[3])) {
                    sockets.add("socket:[" + fields[9] + "]");
                }
            }
        }
        return read ? sockets : null;
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "";
        }
    }
}
