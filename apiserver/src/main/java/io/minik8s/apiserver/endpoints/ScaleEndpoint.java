package io.minik8s.apiserver.endpoints;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.autoscaling.v1.Scale;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v1.ScaleStatus;
import io.minik8s.api.ApiException;
import io.minik8s.api.selector.LabelSelector;
import io.minik8s.apiserver.http.ApiRequest;
import io.minik8s.apiserver.registry.GenericStore;
import java.util.concurrent.CompletableFuture;

/**
 * The scale subresource (autoscaling/v1 Scale) of deployments, replicasets and
 * replicationcontrollers: GET shows spec.replicas, status.replicas and the selector as a string;
 * PUT changes only spec.replicas, with the Scale's resourceVersion as a precondition.
 */
final class ScaleEndpoint {
  private ScaleEndpoint() {}

  static CompletableFuture<Object> get(GenericStore store, String ns, String name) {
    return store.get(ns, name).thenApply(ScaleEndpoint::toScale);
  }

  static CompletableFuture<Object> update(GenericStore store, String ns, String name,
      ApiRequest request, boolean dryRun) {
    Scale scale = BodyCodec.decode(BodyCodec.tree(request), "autoscaling/v1", "Scale",
        Scale.class);
    if (scale.getMetadata() != null && scale.getMetadata().getName() != null
        && !scale.getMetadata().getName().isEmpty()
        && !scale.getMetadata().getName().equals(name)) {
      throw ApiException.badRequest("the name of the object (" + scale.getMetadata().getName()
          + ") does not match the name on the URL (" + name + ")");
    }
    Integer replicas = scale.getSpec() == null ? null : scale.getSpec().getReplicas();
    if (replicas == null || replicas < 0) {
      throw ApiException.invalid("autoscaling", "Scale", name, java.util.List.of(),
          java.util.List.of("spec.replicas: Invalid value: " + replicas
              + ": must be greater than or equal to 0"));
    }
    String rv = scale.getMetadata() == null ? null : scale.getMetadata().getResourceVersion();
    return store.updateFromCurrent(ns, name, rv == null || rv.isEmpty() ? null : rv,
        current -> withReplicas(current, replicas), dryRun).thenApply(ScaleEndpoint::toScale);
  }

  private static HasMetadata withReplicas(HasMetadata object, int replicas) {
    if (object instanceof Deployment d) {
      d.getSpec().setReplicas(replicas);
    } else if (object instanceof ReplicaSet rs) {
      rs.getSpec().setReplicas(replicas);
    } else if (object instanceof ReplicationController rc) {
      rc.getSpec().setReplicas(replicas);
    } else {
      throw ApiException.notFoundPath();
    }
    return object;
  }

  static Scale toScale(HasMetadata object) {
    Integer specReplicas;
    Integer statusReplicas;
    String selector;
    if (object instanceof Deployment d) {
      specReplicas = d.getSpec().getReplicas();
      statusReplicas = d.getStatus() == null ? null : d.getStatus().getReplicas();
      selector = LabelSelector.from(d.getSpec().getSelector()).toString();
    } else if (object instanceof ReplicaSet rs) {
      specReplicas = rs.getSpec().getReplicas();
      statusReplicas = rs.getStatus() == null ? null : rs.getStatus().getReplicas();
      selector = LabelSelector.from(rs.getSpec().getSelector()).toString();
    } else if (object instanceof ReplicationController rc) {
      specReplicas = rc.getSpec().getReplicas();
      statusReplicas = rc.getStatus() == null ? null : rc.getStatus().getReplicas();
      selector = LabelSelector.fromSet(rc.getSpec().getSelector() == null
          ? java.util.Map.of() : rc.getSpec().getSelector()).toString();
    } else {
      throw ApiException.notFoundPath();
    }
    ObjectMeta source = object.getMetadata();
    ObjectMeta meta = new ObjectMeta();
    meta.setName(source.getName());
    meta.setNamespace(source.getNamespace());
    meta.setUid(source.getUid());
    meta.setResourceVersion(source.getResourceVersion());
    meta.setCreationTimestamp(source.getCreationTimestamp());
    Scale scale = new Scale();
    scale.setApiVersion("autoscaling/v1");
    scale.setKind("Scale");
    scale.setMetadata(meta);
    ScaleSpec spec = new ScaleSpec();
    spec.setReplicas(specReplicas == null ? 0 : specReplicas);
    scale.setSpec(spec);
    ScaleStatus status = new ScaleStatus();
    status.setReplicas(statusReplicas == null ? 0 : statusReplicas);
    status.setSelector(selector);
    scale.setStatus(status);
    return scale;
  }
}
