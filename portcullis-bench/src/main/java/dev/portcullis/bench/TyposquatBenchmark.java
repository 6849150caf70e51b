package dev.portcullis.bench;

import dev.portcullis.analysis.meta.PopularPackages;
import dev.portcullis.analysis.meta.TyposquatIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code meta/typosquat} speed: {@link #match5000} judges 5,000 names (a fixed mix of popular names, one-edit typos
 * of them, names with a separated word added, and random names of 4–16 letters) against the bundled index of the
 * 15,000 most downloaded packages — names per second is its score × 5,000. {@link #buildIndex} is the one-off cost
 * of building that index, paid by the first scan of a process.
 *
 * <pre>java -jar portcullis-bench/target/benchmarks.jar TyposquatBenchmark</pre>
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-XX:+UseSerialGC"})
public class TyposquatBenchmark {
    static final int NAMES = 5_000;

    private TyposquatIndex index;
    private List<String> names;

    @Setup
    public void setUp() {
        index = TyposquatIndex.bundled();
        names = names(new ArrayList<>(PopularPackages.bundled().downloads().keySet()));
    }

    /** The fixed mix: a quarter each of popular, typo, extended and random names. */
    static List<String> names(List<String> popular) {
        Random random = new Random(42);
        List<String> out = new ArrayList<>(NAMES);
        for (int i = 0; i < NAMES; i++) {
            String p = popular.get(random.nextInt(popular.size()));
            out.add(switch (i % 4) {
                case 0 -> p;
                case 1 -> typo(p, random);
                case 2 -> p + "-plugin";
                default -> randomName(random);
            });
        }
        return out;
    }

    private static String typo(String name, Random random) {
        if (name.length() < 3) {
            return name + "x";
        }
        int i = 1 + random.nextInt(name.length() - 2);
        char[] c = name.toCharArray();
        char t = c[i];
        c[i] = c[i + 1];
        c[i + 1] = t;
        return new String(c);
    }

    private static String randomName(Random random) {
        int length = 4 + random.nextInt(13);
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public void match5000(Blackhole blackhole) {
        for (String name : names) {
            blackhole.consume(index.match(name));
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public TyposquatIndex buildIndex() {
        return new TyposquatIndex(PopularPackages.bundled());
    }
}
