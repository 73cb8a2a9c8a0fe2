/**
 * Unit tests of the informers against an in-memory API server ({@link
 * io.minik8s.client.cache.FakeResourceClient}); no network.
 */
package io.minik8s.client.cache;
