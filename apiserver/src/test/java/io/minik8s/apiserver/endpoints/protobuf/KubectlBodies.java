package io.minik8s.apiserver.endpoints.protobuf;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import io.kubernetes.client.proto.IntStr.IntOrString;
import io.kubernetes.client.proto.Meta;
import io.kubernetes.client.proto.Meta.ObjectMeta;
import io.kubernetes.client.proto.Resource.Quantity;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import io.kubernetes.client.proto.V1Apps;
import java.io.ByteArrayOutputStream;

/**
 * Protobuf request bodies built with the official generated classes, shaped as client-go's typed
 * clients (kubectl 1.32's create commands) send them: every non-pointer field written, zero or
 * not, as Go's marshaller does.
 */
public final class KubectlBodies {
  private KubectlBodies() {}

  /** The {@code k8s\0} + runtime.Unknown envelope around an object's bytes. */
  public static byte[] envelope(String apiVersion, String kind, MessageLite object) {
    return envelope(apiVersion, kind, object.toByteString());
  }

  public static byte[] envelope(String apiVersion, String kind, ByteString raw) {
    Runtime.Unknown unknown = Runtime.Unknown.newBuilder()
        .setTypeMeta(Runtime.TypeMeta.newBuilder().setApiVersion(apiVersion).setKind(kind))
        .setRaw(raw)
        .setContentEncoding("")
        .setContentType("")
        .build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {'k', '8', 's', 0});
    out.writeBytes(unknown.toByteArray());
    return out.toByteArray();
  }

  /** ObjectMeta as Go writes it for a new object: name set, fields 2-8 present and empty. */
  public static ObjectMeta.Builder meta(String name) {
    return ObjectMeta.newBuilder()
        .setName(name)
        .setGenerateName("")
        .setNamespace("")
        .setSelfLink("")
        .setUid("")
        .setResourceVersion("")
        .setGeneration(0)
        .setCreationTimestamp(Meta.Time.getDefaultInstance());
  }

  /** {@code kubectl create namespace <name>} (kubectl-wire.md §2.4). */
  public static byte[] namespace(String name) {
    V1.Namespace ns = V1.Namespace.newBuilder()
        .setMetadata(meta(name))
        .setSpec(V1.NamespaceSpec.getDefaultInstance())
        .setStatus(V1.NamespaceStatus.newBuilder().setPhase(""))
        .build();
    return envelope("v1", "Namespace", ns);
  }

  /**
   * A Deployment as {@code kubectl create deployment <name> --image=nginx:1.27 --replicas=0
   * --port=80} sends it, with resources added: replicas is a pointer set to 0, minReadySeconds a
   * non-pointer 0.
   */
  public static byte[] deployment(String name) {
    V1.Container container = V1.Container.newBuilder()
        .setName("nginx")
        .setImage("nginx:1.27")
        .setWorkingDir("")
        .addPorts(V1.ContainerPort.newBuilder().setName("").setHostPort(0)
            .setContainerPort(80).setProtocol("").setHostIP(""))
        .setResources(V1.ResourceRequirements.newBuilder()
            .putLimits("cpu", Quantity.newBuilder().setString("500m").build())
            .putLimits("memory", Quantity.newBuilder().setString("128Mi").build())
            .putRequests("cpu", Quantity.newBuilder().setString("250m").build()))
        .setTerminationMessagePath("")
        .setTerminationMessagePolicy("")
        .setImagePullPolicy("")
        .setStdin(false)
        .setStdinOnce(false)
        .setTty(false)
        .build();
    V1.PodSpec spec = V1.PodSpec.newBuilder()
        .addContainers(container)
        .setRestartPolicy("")
        .setDnsPolicy("")
        .setServiceAccountName("")
        .setServiceAccount("")
        .setNodeName("")
        .setHostNetwork(false)
        .setHostPID(false)
        .setHostIPC(false)
        .setHostname("")
        .setSubdomain("")
        .setSchedulerName("")
        .setPriorityClassName("")
        .build();
    V1Apps.Deployment deployment = V1Apps.Deployment.newBuilder()
        .setMetadata(meta(name).putLabels("app", name).putLabels("tier", ""))
        .setSpec(V1Apps.DeploymentSpec.newBuilder()
            .setReplicas(0)
            .setSelector(Meta.LabelSelector.newBuilder().putMatchLabels("app", name))
            .setTemplate(V1.PodTemplateSpec.newBuilder()
                .setMetadata(meta("").putLabels("app", name))
                .setSpec(spec))
            .setStrategy(V1Apps.DeploymentStrategy.newBuilder().setType("RollingUpdate")
                .setRollingUpdate(V1Apps.RollingUpdateDeployment.newBuilder()
                    .setMaxUnavailable(IntOrString.newBuilder().setType(0).setIntVal(1)
                        .setStrVal(""))
                    .setMaxSurge(IntOrString.newBuilder().setType(1).setIntVal(0)
                        .setStrVal("25%"))))
            .setMinReadySeconds(0)
            .setPaused(false))
        .setStatus(V1Apps.DeploymentStatus.newBuilder().setObservedGeneration(0)
            .setReplicas(0).setUpdatedReplicas(0).setReadyReplicas(0).setAvailableReplicas(0)
            .setUnavailableReplicas(0))
        .build();
    return envelope("apps/v1", "Deployment", deployment);
  }

  /** {@code kubectl create service nodeport <name> --tcp=80:http}, plus a numeric port. */
  public static byte[] service(String name) {
    V1.Service service = V1.Service.newBuilder()
        .setMetadata(meta(name).putLabels("app", name))
        .setSpec(V1.ServiceSpec.newBuilder()
            .addPorts(V1.ServicePort.newBuilder().setName("web").setProtocol("TCP").setPort(80)
                .setTargetPort(IntOrString.newBuilder().setType(1).setIntVal(0).setStrVal("http"))
                .setNodePort(0))
            .addPorts(V1.ServicePort.newBuilder().setName("metrics").setProtocol("TCP")
                .setPort(9090)
                .setTargetPort(IntOrString.newBuilder().setType(0).setIntVal(9091).setStrVal(""))
                .setNodePort(0))
            .putSelector("app", name)
            .setClusterIP("")
            .setType("NodePort")
            .setSessionAffinity("")
            .setLoadBalancerIP("")
            .setExternalName("")
            .setExternalTrafficPolicy("")
            .setHealthCheckNodePort(0)
            .setPublishNotReadyAddresses(false))
        .setStatus(V1.ServiceStatus.newBuilder()
            .setLoadBalancer(V1.LoadBalancerStatus.getDefaultInstance()))
        .build();
    return envelope("v1", "Service", service);
  }

  /** {@code kubectl create secret generic <name> --from-file=...}: binary bytes in data. */
  public static byte[] secret(String name, byte[] binary) {
    V1.Secret secret = V1.Secret.newBuilder()
        .setMetadata(meta(name))
        .putData("key.bin", ByteString.copyFrom(binary))
        .putData("user", ByteString.copyFromUtf8("admin"))
        .setType("Opaque")
        .build();
    return envelope("v1", "Secret", secret);
  }

  /** {@code kubectl create configmap <name> --from-literal=... --from-file=<binary>}. */
  public static byte[] configMap(String name, byte[] binary) {
    V1.ConfigMap cm = V1.ConfigMap.newBuilder()
        .setMetadata(meta(name))
        .putData("greeting", "hello")
        .putData("empty", "")
        .putBinaryData("blob", ByteString.copyFrom(binary))
        .build();
    return envelope("v1", "ConfigMap", cm);
  }

  /** {@code kubectl create serviceaccount <name>}, with token automounting turned off. */
  public static byte[] serviceAccount(String name) {
    V1.ServiceAccount sa = V1.ServiceAccount.newBuilder()
        .setMetadata(meta(name))
        .setAutomountServiceAccountToken(false)
        .build();
    return envelope("v1", "ServiceAccount", sa);
  }
}
