package com.abiquo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.abiquo.messaging.Queues;
import com.fasterxml.jackson.databind.JsonNode;

/** {@code GET /api/admin/metrics}: Prometheus' text format, for users who may see the cluster only. */
class MetricsIT extends ApiIT {

    static final String TEXT = "text/plain";

    @Test
    void leaderQueuesJvmAndRequestsAreMeasured() {
        Resp first = ADMIN.get("admin/metrics", TEXT).expect(200);
        assertThat(first.header("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain"));
        String text = first.body();
        // a single node without ZooKeeper leads (epoch > 0)
        assertThat(value(text, "abiquo_leader\\{node=\"[^\"]+\"\\}")).isEqualTo(1.0);
        assertThat(value(text, "abiquo_leader_epoch\\{node=\"[^\"]+\"\\}")).isPositive();
        assertThat(value(text, "abiquo_queue_consumers\\{node=\"[^\"]+\",queue=\"" + Pattern.quote(Queues.SCHEDULER_REQUESTS)
                + "\"\\}")).as("the leader consumes the scheduler queue").isEqualTo(1.0);
        assertThat(text).contains("abiquo_queue_messages{").contains("jvm_memory_used_bytes{");

        Api.anonymous().get("admin/metrics", TEXT).expect(401);
        // refused before matching (authentication comes first): counted, whatever the resource label says
        double before = count(ADMIN.get("admin/metrics", TEXT).body(), "[^\"]+", 401);
        Api.anonymous().get("admin/metrics", TEXT).expect(401);
        double okBefore = count(ADMIN.get("admin/metrics", TEXT).body(), "MetricsResource", 200);
        String after = ADMIN.get("admin/metrics", TEXT).body();
        assertThat(count(after, "[^\"]+", 401)).as("refused requests count").isEqualTo(before + 1);
        assertThat(count(after, "MetricsResource", 200)).as("each scrape counts").isEqualTo(okBefore + 1);
        assertThat(after).containsPattern("abiquo_http_requests_seconds_sum\\{method=\"GET\",node=\"[^\"]+\","
                + "resource=\"MetricsResource\",status=\"200\"\\} [0-9.eE-]+");
    }

    @Test
    void onlyUsersWhoMaySeeTheClusterReadThem() {
        JsonNode dc = Cloud.datacenter();
        Api enterpriseAdmin = Cloud.tenant(dc, Map.of(), new String[1]);
        enterpriseAdmin.get("admin/metrics", TEXT).expectError(403, "GEN-4");
    }

    @Test
    void tasksAreTimedByTypeAndFinalState() throws Exception {
        Deploys.Tenant t = Deploys.withMachine(16, 32768);
        String deployed = "abiquo_tasks_seconds_count\\{node=\"[^\"]+\",state=\"FINISHED_SUCCESSFULLY\",type=\"DEPLOY\"\\}";
        double before = valueOrZero(ADMIN.get("admin/metrics", TEXT).body(), deployed);
        JsonNode task = Deploys.deploy(t.api(), t.vm("measured", 1, 256));
        assertThat(task.path("state").asText()).isEqualTo("FINISHED_SUCCESSFULLY");
        // recorded once the leader's transaction that ended the task committed: within moments
        long end = System.currentTimeMillis() + 10_000;
        double now = before;
        while (now < before + 1 && System.currentTimeMillis() < end) {
            Thread.sleep(100);
            now = valueOrZero(ADMIN.get("admin/metrics", TEXT).body(), deployed);
        }
        assertThat(now).isEqualTo(before + 1);
    }

    static double valueOrZero(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** The value of the one series that {@code series} (a regex of name and labels) matches. */
    static double value(String text, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+|NaN)$").matcher(text);
        assertThat(m.find()).as("series " + series + " in\n" + text.lines().filter(l -> l.startsWith("abiquo_")).toList())
                .isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** GET requests answered with {@code status}, summed over the resources {@code resource} (a regex) matches. */
    static double count(String text, String resource, int status) {
        Matcher m = Pattern.compile("(?m)^abiquo_http_requests_seconds_count\\{method=\"GET\",node=\"[^\"]+\",resource=\""
                + resource + "\",status=\"" + status + "\"\\} ([0-9.eE+-]+)$").matcher(text);
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }
}
