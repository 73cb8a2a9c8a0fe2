/**
 * Test fixtures shared by every module through common-api's test-jar: a real etcd server for
 * integration tests.
 */
package io.minik8s.testing;
