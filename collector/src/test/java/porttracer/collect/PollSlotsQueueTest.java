package porttracer.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import porttracer.config.PollConfig;
import porttracer.domain.Platform;
import porttracer.store.SwitchRecord;

/** A node whose poll threads are all busy queues a slot's switches once, however often the slot fires meanwhile. */
class PollSlotsQueueTest {

    @Test
    void aSwitchStillWaitingForAPollThreadIsNotQueuedAgain() throws Exception {
        Duration interval = Duration.ofSeconds(60);
        PollSlots.Slot slot = PollSlots.slotOf(1, interval);
        List<SwitchRecord> sameSlot = new ArrayList<>();
        for (int id = 1; sameSlot.size() < 3; id++) {
            if (PollSlots.slotOf(id, interval).equals(slot)) {
                sameSlot.add(new SwitchRecord(id, "sw" + id, "127.0.0.1", 22, Platform.OS10, "S4148", "site", null,
                        true, null, false));
            }
        }
        PollSlots slots = new PollSlots();
        slots.assign(sameSlot, new PollConfig(interval, 1, 3));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch busy = new CountDownLatch(1);
        pool.submit(() -> {
            busy.await();
            return null;
        });
        Map<Integer, AtomicInteger> polls = new ConcurrentHashMap<>();
        PollSlots.ScheduledPoll poll = (id, due) -> polls.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        // Fired a while ago: every member is due at once.
        Instant fired = Instant.now().minusSeconds(10);
        Thread first = new Thread(() -> run(slots, slot, fired, pool, poll));
        first.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (slots.queued() < 3 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(slots.queued()).isEqualTo(3);

        // The slot fires again while its switches still wait: nothing more is queued, and it does not wait for them.
        Thread again = new Thread(() -> run(slots, slot, fired.plusSeconds(1), pool, poll));
        again.start();
        again.join(5_000);
        assertThat(again.isAlive()).isFalse();
        assertThat(slots.queued()).isEqualTo(3);

        busy.countDown();
        first.join(10_000);
        assertThat(first.isAlive()).isFalse();
        assertThat(polls).hasSize(3);
        assertThat(polls.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
        assertThat(slots.queued()).isZero();
        pool.shutdownNow();
    }

    private static void run(PollSlots slots, PollSlots.Slot slot, Instant fired, ExecutorService pool,
                            PollSlots.ScheduledPoll poll) {
        try {
            slots.run(slot, fired, pool, poll);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
