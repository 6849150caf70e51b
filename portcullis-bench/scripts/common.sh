# Shared by the bench scripts: the repository root, a JDK 21+ and the shaded benchmarks jar. Sourced, not run.
# Environment: MVN_ARGS  extra Maven arguments (default -o: offline, the dependencies are already cached; set
#                        MVN_ARGS= to go online), e.g. MVN_ARGS="-o -Dmaven.repo.local=/path/to/m2"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BENCH="$ROOT/portcullis-bench"
BENCH_JAR="$BENCH/target/benchmarks.jar"
# shellcheck source=../../bin/find-jdk.sh
. "$ROOT/bin/find-jdk.sh"
if ! JAVA_HOME="$(find_jdk)"; then
  echo "needs a JDK 21 or newer; set JAVA_HOME" >&2
  exit 3
fi
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

# Builds portcullis-bench and the modules it needs (not their tests) into the shaded jar.
build_bench() {
  echo "building portcullis-bench (mvnw package -pl portcullis-bench -am -DskipTests ${MVN_ARGS--o})" >&2
  # shellcheck disable=SC2086
  (cd "$ROOT" && ./mvnw -q -B ${MVN_ARGS--o} package -pl portcullis-bench -am -DskipTests) >&2
}
