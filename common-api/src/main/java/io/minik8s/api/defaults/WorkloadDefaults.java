package io.minik8s.api.defaults;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.ReplicationControllerSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentSpec;
import io.fabric8.kubernetes.api.model.apps.DeploymentStrategy;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.RollingUpdateDeployment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Upstream's defaults for Deployments, ReplicaSets and ReplicationControllers and their templates.
 */
final class WorkloadDefaults {
  static final int DEFAULT_REVISION_HISTORY_LIMIT = 10;
  static final int DEFAULT_PROGRESS_DEADLINE_SECONDS = 600;
  static final String DEFAULT_MAX_UNAVAILABLE = "25%";
  static final String DEFAULT_MAX_SURGE = "25%";

  private WorkloadDefaults() {}

  /** apps/v1 SetDefaults_Deployment. */
  static void deployment(Deployment deployment) {
    DeploymentSpec spec = deployment.getSpec();
    if (spec == null) {
      return;
    }
    if (spec.getReplicas() == null) {
      spec.setReplicas(1);
    }
    if (spec.getStrategy() == null) {
      spec.setStrategy(new DeploymentStrategy());
    }
    DeploymentStrategy strategy = spec.getStrategy();
    if (Defaults.isEmpty(strategy.getType())) {
      strategy.setType("RollingUpdate");
    }
    if (strategy.getType().equals("RollingUpdate")) {
      if (strategy.getRollingUpdate() == null) {
        strategy.setRollingUpdate(new RollingUpdateDeployment());
      }
      RollingUpdateDeployment rollingUpdate = strategy.getRollingUpdate();
      if (rollingUpdate.getMaxUnavailable() == null) {
        rollingUpdate.setMaxUnavailable(new IntOrString(DEFAULT_MAX_UNAVAILABLE));
      }
      if (rollingUpdate.getMaxSurge() == null) {
        rollingUpdate.setMaxSurge(new IntOrString(DEFAULT_MAX_SURGE));
      }
    }
    if (spec.getRevisionHistoryLimit() == null) {
      spec.setRevisionHistoryLimit(DEFAULT_REVISION_HISTORY_LIMIT);
    }
    if (spec.getProgressDeadlineSeconds() == null) {
      spec.setProgressDeadlineSeconds(DEFAULT_PROGRESS_DEADLINE_SECONDS);
    }
    PodDefaults.template(spec.getTemplate());
  }

  /** apps/v1 SetDefaults_ReplicaSet. */
  static void replicaSet(ReplicaSet replicaSet) {
    if (replicaSet.getSpec() == null) {
      return;
    }
    if (replicaSet.getSpec().getReplicas() == null) {
      replicaSet.getSpec().setReplicas(1);
    }
    PodDefaults.template(replicaSet.getSpec().getTemplate());
  }

  /**
   * core/v1 SetDefaults_ReplicationController: selector and labels from the template's labels when
   * empty, then one replica.
   */
  static void replicationController(ReplicationController rc) {
    ReplicationControllerSpec spec = rc.getSpec();
    if (spec == null) {
      return;
    }
    Map<String, String> templateLabels =
        spec.getTemplate() == null || spec.getTemplate().getMetadata() == null
            ? null
            : spec.getTemplate().getMetadata().getLabels();
    if (templateLabels != null && !templateLabels.isEmpty()) {
      if (spec.getSelector() == null || spec.getSelector().isEmpty()) {
        spec.setSelector(new LinkedHashMap<>(templateLabels));
      }
      if (rc.getMetadata() == null) {
        rc.setMetadata(new ObjectMeta());
      }
      if (rc.getMetadata().getLabels() == null || rc.getMetadata().getLabels().isEmpty()) {
        rc.getMetadata().setLabels(new LinkedHashMap<>(templateLabels));
      }
    }
    if (spec.getReplicas() == null) {
      spec.setReplicas(1);
    }
    PodDefaults.template(spec.getTemplate());
  }
}
