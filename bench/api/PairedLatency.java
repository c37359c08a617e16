import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Latency of the same GET through several targets (directly to a server, through the balancer,
 * through a reference proxy), one request in flight at a time, the targets taking turns request by
 * request: each target's figures come from the same seconds as the others', so the machine's drift
 * (measured here: the p50 of back-to-back 6-s wrk runs against the same server moved by a third)
 * cancels out of the comparison. The order rotates every request, so no target always follows
 * another. One keep-alive connection per target, as a client at low concurrency holds.
 *
 * <pre>
 * java bench/api/PairedLatency.java --rounds 5 --seconds 6 --warmup 3 --path /api/cloud/virtualdatacenters \
 *     --accept application/vnd.abiquo.virtualdatacenters+json --auth "Basic ..." \
 *     direct=http://127.0.0.1:8180 balancer=http://127.0.0.1:8080
 * </pre>
 *
 * Prints one line per round and target, {@code ROUND k name p50_us=.. p99_us=.. requests=.. errors=..},
 * the first target being the baseline of the others' {@code overhead_pct} (p50 against p50).
 */
public final class PairedLatency {

    private record Target(String name, String host, int port) {
    }

    public static void main(String[] args) throws Exception {
        int rounds = 5;
        double seconds = 6;
        double warmup = 3;
        String path = "/";
        String accept = "*/*";
        String auth = null;
        List<Target> targets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--warmup" -> warmup = Double.parseDouble(args[++i]);
                case "--path" -> path = args[++i];
                case "--accept" -> accept = args[++i];
                case "--auth" -> auth = args[++i];
                default -> {
                    int eq = args[i].indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException("a target is name=http://host:port, not " + args[i]);
                    }
                    URI uri = URI.create(args[i].substring(eq + 1));
                    targets.add(new Target(args[i].substring(0, eq), uri.getHost(), uri.getPort()));
                }
            }
        }
        if (targets.size() < 2) {
            throw new IllegalArgumentException("at least two targets: the baseline first");
        }
        Connection[] connections = new Connection[targets.size()];
        for (int t = 0; t < connections.length; t++) {
            // each target its own Host, as wrk and curl send it: the servers see the requests the load rounds send
            Target target = targets.get(t);
            byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + target.host() + ":" + target.port() + "\r\nAccept: " + accept
                    + "\r\n" + (auth != null ? "Authorization: " + auth + "\r\n" : "") + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            connections[t] = new Connection(target, request);
        }
        run(connections, (long) (warmup * 1e9), null); // the client's own JIT, the connections' first requests
        for (int round = 1; round <= rounds; round++) {
            Samples[] samples = new Samples[connections.length];
            for (int t = 0; t < samples.length; t++) {
                samples[t] = new Samples();
            }
            run(connections, (long) (seconds * 1e9), samples);
            long base = samples[0].percentile(50);
            for (int t = 0; t < samples.length; t++) {
                long p50 = samples[t].percentile(50);
                System.out.printf("ROUND %d %s p50_us=%d p99_us=%d requests=%d errors=%d%s%n", round, targets.get(t).name(),
                        p50, samples[t].percentile(99), samples[t].count, samples[t].errors,
                        t == 0 ? "" : String.format(" overhead_pct=%.1f", 100.0 * (p50 - base) / base));
            }
        }
    }

    /** Requests to every target in turn, the first target of each turn rotating, for nanos. */
    private static void run(Connection[] connections, long nanos, Samples[] samples) {
        long end = System.nanoTime() + nanos;
        for (int turn = 0; System.nanoTime() < end; turn++) {
            for (int k = 0; k < connections.length; k++) {
                int t = (turn + k) % connections.length;
                long micros = connections[t].exchange();
                if (samples != null) {
                    samples[t].add(micros);
                }
            }
        }
    }

    /** Latencies in microseconds; a failed exchange counts as an error, not as a latency. */
    private static final class Samples {
        long[] values = new long[1 << 14];
        int count;
        int errors;

        void add(long micros) {
            if (micros < 0) {
                errors++;
                return;
            }
            if (count == values.length) {
                values = Arrays.copyOf(values, count * 2);
            }
            values[count++] = micros;
        }

        long percentile(int p) {
            if (count == 0) {
                return -1;
            }
            long[] sorted = Arrays.copyOf(values, count);
            Arrays.sort(sorted);
            return sorted[Math.min(count - 1, (int) Math.ceil(p / 100.0 * count) - 1)];
        }
    }

    /** One keep-alive HTTP/1.1 connection; reconnects when the server closed it or an exchange failed. */
    private static final class Connection {
        private final Target target;
        private final byte[] request;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Connection(Target target, byte[] request) {
            this.target = target;
            this.request = request;
        }

        /** The request's latency in microseconds, write to last byte of the response; -1 if it failed or was not a 2xx. */
        long exchange() {
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(target.host(), target.port()), 5000);
                    socket.setSoTimeout(10_000);
                    out = socket.getOutputStream();
                    in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
                }
                long start = System.nanoTime();
                out.write(request);
                out.flush();
                boolean ok = readResponse();
                long micros = (System.nanoTime() - start) / 1000;
                return ok ? micros : -1;
            } catch (IOException e) {
                close();
                return -1;
            }
        }

        /** Reads one response to its end (Content-Length or chunked); true for a 2xx. */
        private boolean readResponse() throws IOException {
            String status = line();
            boolean ok = status.length() > 9 && status.charAt(9) == '2';
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                        size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) { // trailers
                }
            } else if (length > 0) {
                skip(length);
            }
            if (close || length < 0 && !chunked) {
                close();
            }
            return ok;
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed by " + target.name());
                }
                if (c != '\r') {
                    s.append((char) c);
                }
            }
            return s.toString();
        }

        private void skip(long bytes) throws IOException {
            while (bytes > 0) {
                long skipped = in.skip(bytes);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed by " + target.name());
                    }
                    skipped = 1;
                }
                bytes -= skipped;
            }
        }

        private void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // already gone
            }
            socket = null;
        }
    }
}
