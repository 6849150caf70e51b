package dev.portcullis.bench;

import dev.portcullis.advisory.AdvisoryMatcher;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching a 5,000-package project against 200,000 advisory records (the target: at most 200 ms), by the
 * name index of {@link AdvisoryMatcher} and by a naive linear scan, in milliseconds per whole project. Loading
 * costs are measured apart by {@link AdvisoryBench}.
 *
 * <pre>java -jar portcullis-bench/target/benchmarks.jar AdvisoryMatchBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class AdvisoryMatchBenchmark {
    @Param("200000")
    public int records;

    @Param("5000")
    public int packages;

    private AdvisoryWorkload workload;
    private AdvisoryMatcher matcher;

    @Setup
    public void setUp() {
        workload = AdvisoryWorkload.create(records, packages, 42);
        matcher = new AdvisoryMatcher(workload.index());
    }

    @Benchmark
    public int indexed() {
        return AdvisoryWorkload.matchIndexed(matcher, workload.packages);
    }

    @Benchmark
    public int naiveLinear() {
        return AdvisoryWorkload.matchLinear(workload.advisories, workload.packages);
    }
}
