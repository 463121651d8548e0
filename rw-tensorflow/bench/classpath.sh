# Sourced by the benchmark scripts from the repository root: builds the test classes offline and sets CP to the
# classpath of rw-tensorflow's benchmarks (test classes, the modules it depends on, and every test-scope jar).
export TF_CPP_MIN_LOG_LEVEL=${TF_CPP_MIN_LOG_LEVEL:-2}
mvn -o -q -pl rw-core,rw-maps,rw-metrics,rw-tensorflow test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
CP="rw-tensorflow/target/test-classes:rw-tensorflow/target/classes:rw-metrics/target/classes:rw-maps/target/classes:rw-core/target/classes:$(cat rw-tensorflow/target/bench-classpath.txt)"
