/**
 * Upstream's API defaulting (the SetDefaults_* functions of pkg/apis/core/v1, apps/v1, discovery/v1
 * and scheduling/v1) applied in place to freshly decoded objects.
 */
package io.minik8s.api.defaults;
