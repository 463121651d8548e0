/** Benchmarks of rw-metrics (JMH and the Java side of the SciPy/medpy comparison script). */
package org.regionwise.metrics.bench;
