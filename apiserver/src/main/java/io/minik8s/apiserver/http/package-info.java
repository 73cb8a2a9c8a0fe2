/**
 * The Netty HTTP layer: server bootstrap, the channel pipeline (codec, body limit, request
 * handler), in-flight limits and response writing. Handlers never block the event loop: requests
 * are handed to a bounded worker pool and answered from futures.
 */
package io.minik8s.apiserver.http;
