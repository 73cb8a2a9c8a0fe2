/**
 * Benchmarks (profile {@code bench}, not tests): each starts its own etcd and API server process,
 * measures, and prints figures next to a baseline measured in the same run; none asserts a time.
 */
package io.minik8s.bench;
