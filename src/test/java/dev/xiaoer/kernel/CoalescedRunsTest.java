package dev.xiaoer.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CoalescedRunsTest {

    @Test
    void aBurstOfRequestsDuringARunGivesOneMoreRunAndNeverTwoAtOnce() throws Exception {
        try (var runs = new CoalescedRuns<String>("test")) {
            var started = new CountDownLatch(1);
            var release = new CountDownLatch(1);
            var running = new AtomicInteger();
            var mostAtOnce = new AtomicInteger();
            var count = new AtomicInteger();
            var done = new CountDownLatch(2);
            Runnable work = () -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                started.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                count.incrementAndGet();
                running.decrementAndGet();
                done.countDown();
            };

            runs.request("shop", work);
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            for (var i = 0; i < 1000; i++) {
                runs.request("shop", work);
            }
            release.countDown();

            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            runs.request("other", () -> { });
            assertThat(count.get()).isEqualTo(2);
            assertThat(mostAtOnce.get()).isEqualTo(1);
        }
    }

    @Test
    void aFailedRunIsLoggedAndTheNextRequestRunsAgain() throws Exception {
        try (var runs = new CoalescedRuns<String>("test")) {
            var ran = new CountDownLatch(1);
            runs.request("shop", () -> {
                throw new IllegalStateException("database away");
            });
            // The first run is over (and failed) once a second request runs.
            for (var attempt = 0; attempt < 50 && ran.getCount() > 0; attempt++) {
                runs.request("shop", ran::countDown);
                ran.await(100, TimeUnit.MILLISECONDS);
            }
            assertThat(ran.getCount()).isZero();
        }
    }
}
