package com.abiquo.it.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The repository's {@code ./abiquo} as the domain tests run it: with a state directory and a port
 * offset of their own (so that a developer's domain on the default ports is never touched), and
 * each command's output appended to {@code <state>/<command>.log}.
 */
record AbiquoCommand(Path root, Path state, int portOffset, Map<String, String> environment) {

    /** The repository root when the tests run from its abiquo-it module. */
    static Path repositoryRoot() {
        return Path.of(System.getProperty("user.dir")).getParent();
    }

    /** Runs {@code ./abiquo args...} with the extra environment {@code env}; its exit code. */
    int run(int seconds, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", root.resolve("abiquo").toString()));
        command.addAll(List.of(args));
        Files.createDirectories(state);
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(state.resolve(args[0] + ".log").toFile()));
        Map<String, String> all = new HashMap<>(environment);
        all.put("ABIQUO_STATE", state.toString());
        all.put("ABIQUO_PORT_OFFSET", Integer.toString(portOffset));
        all.putAll(env);
        pb.environment().putAll(all);
        Process p = pb.start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("./abiquo " + String.join(" ", args) + " did not end in " + seconds + " s");
        }
        return p.exitValue();
    }

    int run(int seconds, String... args) throws IOException, InterruptedException {
        return run(seconds, Map.of(), args);
    }

    /** Deletes a directory and everything in it (nothing when it does not exist). */
    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
