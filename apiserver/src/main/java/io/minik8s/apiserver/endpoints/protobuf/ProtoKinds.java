package io.minik8s.apiserver.endpoints.protobuf;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Admissionregistration;
import io.kubernetes.client.proto.V1Apps;
import io.kubernetes.client.proto.V1Authentication;
import io.kubernetes.client.proto.V1Authorization;
import io.kubernetes.client.proto.V1Autoscaling;
import io.kubernetes.client.proto.V1Batch;
import io.kubernetes.client.proto.V1Certificates;
import io.kubernetes.client.proto.V1Networking;
import io.kubernetes.client.proto.V1Policy;
import io.kubernetes.client.proto.V1Rbac;
import io.kubernetes.client.proto.V1Scheduling;
import io.kubernetes.client.proto.V1Storage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The protobuf message of each apiVersion and kind, from the generated.proto files of the v1
 * group versions (the official generated classes, plus {@link ExtraDescriptors} for those they
 * lack). Immutable once built.
 */
final class ProtoKinds {
  private static final String META_PACKAGE = "k8s.io.apimachinery.pkg.apis.meta.v1";
  /** Groups whose proto package names them in full; the others are "{name}.k8s.io". */
  private static final Set<String> SHORT_GROUPS = Set.of("apps", "autoscaling", "batch", "policy");

  private final Map<String, Descriptor> byApiVersionKind = new HashMap<>();
  private final Map<String, Descriptor> metaKinds = new HashMap<>();

  ProtoKinds(List<FileDescriptor> files) {
    for (FileDescriptor file : files) {
      for (Descriptor message : file.getMessageTypes()) {
        if (file.getPackage().equals(META_PACKAGE)) {
          metaKinds.put(message.getName(), message);
        } else {
          byApiVersionKind.put(apiVersion(file.getPackage()) + "/" + message.getName(), message);
        }
      }
    }
  }

  /** The kinds of every v1 group version client-go writes, built once on first use. */
  static ProtoKinds builtIn() {
    return BuiltIn.KINDS;
  }

  /**
   * The message of a kind. meta.k8s.io kinds (DeleteOptions, ...) are found under any
   * apiVersion, as upstream registers them in every group version.
   */
  Optional<Descriptor> find(String apiVersion, String kind) {
    Descriptor d = byApiVersionKind.get(apiVersion + "/" + kind);
    return Optional.ofNullable(d != null ? d : metaKinds.get(kind));
  }

  /** "k8s.io.api.core.v1" → "v1", "k8s.io.api.apps.v1" → "apps/v1", "...rbac.v1" → ... */
  static String apiVersion(String protoPackage) {
    String[] parts = protoPackage.split("\\.");
    String version = parts[parts.length - 1];
    String group = parts[parts.length - 2];
    if (group.equals("core")) {
      return version;
    }
    if (group.equals("rbac")) {
      return "rbac.authorization.k8s.io/" + version;
    }
    return (SHORT_GROUPS.contains(group) ? group : group + ".k8s.io") + "/" + version;
  }

  /** The generated.proto files of meta/v1 and of the v1 group versions. */
  static List<FileDescriptor> builtInFiles() {
    return List.of(
        Meta.getDescriptor(), V1.getDescriptor(), V1Apps.getDescriptor(),
        V1Autoscaling.getDescriptor(), V1Batch.getDescriptor(), V1Policy.getDescriptor(),
        V1Scheduling.getDescriptor(), V1Networking.getDescriptor(), V1Rbac.getDescriptor(),
        V1Storage.getDescriptor(), V1Authentication.getDescriptor(),
        V1Authorization.getDescriptor(), V1Certificates.getDescriptor(),
        V1Admissionregistration.getDescriptor(), ExtraDescriptors.coordinationV1(),
        ExtraDescriptors.discoveryV1());
  }

  private static final class BuiltIn {
    static final ProtoKinds KINDS = new ProtoKinds(builtInFiles());
  }
}
