package dev.portcullis.bench.eval;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The most heap that was still in use right after a garbage collection, over the run: the live set the program
 * really needs, unlike the pools' peak usage, which counts garbage not yet collected and adds peaks of different
 * moments. A program whose {@code -Xmx} is below this runs out of memory.
 */
final class LiveHeap {
    private final AtomicLong peakAfterGc = new AtomicLong();

    private LiveHeap() {
    }

    /** Starts listening to every collector of this JVM. */
    static LiveHeap watch() {
        LiveHeap heap = new LiveHeap();
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION
                            .equals(notification.getType())) {
                        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                                .from((CompositeData) notification.getUserData());
                        heap.record(info.getGcInfo().getMemoryUsageAfterGc());
                    }
                }, null, null);
            }
        }
        return heap;
    }

    private void record(Map<String, MemoryUsage> afterGc) {
        long used = 0;
        for (Map.Entry<String, MemoryUsage> pool : afterGc.entrySet()) {
            // heap pools only: eden, survivor and old generation of whichever collector runs
            String name = pool.getKey();
            if (!name.contains("Metaspace") && !name.contains("CodeHeap") && !name.contains("Class Space")
                    && !name.contains("Code Cache")) {
                used += pool.getValue().getUsed();
            }
        }
        peakAfterGc.accumulateAndGet(used, Math::max);
    }

    /** Bytes. */
    long peakAfterGc() {
        return peakAfterGc.get();
    }
}
