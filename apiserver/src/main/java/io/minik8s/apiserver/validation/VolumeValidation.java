package io.minik8s.apiserver.validation;

import static io.minik8s.apiserver.validation.FieldChecks.index;
import static io.minik8s.apiserver.validation.FieldChecks.isEmpty;
import static io.minik8s.apiserver.validation.FieldChecks.list;

import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Upstream's rules for a pod's volumes and its containers' volume mounts. */
public final class VolumeValidation {
  /** The volume sources in the order upstream inspects them. */
  private static final Map<String, Function<Volume, Object>> SOURCES = new LinkedHashMap<>();

  static {
    SOURCES.put("hostPath", Volume::getHostPath);
    SOURCES.put("emptyDir", Volume::getEmptyDir);
    SOURCES.put("gitRepo", Volume::getGitRepo);
    SOURCES.put("gcePersistentDisk", Volume::getGcePersistentDisk);
    SOURCES.put("awsElasticBlockStore", Volume::getAwsElasticBlockStore);
    SOURCES.put("secret", Volume::getSecret);
    SOURCES.put("nfs", Volume::getNfs);
    SOURCES.put("iscsi", Volume::getIscsi);
    SOURCES.put("glusterfs", Volume::getGlusterfs);
    SOURCES.put("flocker", Volume::getFlocker);
    SOURCES.put("persistentVolumeClaim", Volume::getPersistentVolumeClaim);
    SOURCES.put("rbd", Volume::getRbd);
    SOURCES.put("flexVolume", Volume::getFlexVolume);
    SOURCES.put("cinder", Volume::getCinder);
    SOURCES.put("cephfs", Volume::getCephfs);
    SOURCES.put("quobyte", Volume::getQuobyte);
    SOURCES.put("downwardAPI", Volume::getDownwardAPI);
    SOURCES.put("fc", Volume::getFc);
    SOURCES.put("azureFile", Volume::getAzureFile);
    SOURCES.put("vsphereVolume", Volume::getVsphereVolume);
    SOURCES.put("photonPersistentDisk", Volume::getPhotonPersistentDisk);
    SOURCES.put("portworxVolume", Volume::getPortworxVolume);
    SOURCES.put("azureDisk", Volume::getAzureDisk);
    SOURCES.put("storageos", Volume::getStorageos);
    SOURCES.put("projected", Volume::getProjected);
    SOURCES.put("scaleIO", Volume::getScaleIO);
    SOURCES.put("configMap", Volume::getConfigMap);
    SOURCES.put("csi", Volume::getCsi);
    SOURCES.put("ephemeral", Volume::getEphemeral);
    SOURCES.put("image", Volume::getImage);
  }

  private VolumeValidation() {}

  /**
   * Validates a pod's volumes at {@code path} ("spec.volumes"): names are unique DNS labels and
   * each volume has exactly one source. A volume with no source passes, as upstream's defaulting
   * makes it an emptyDir.
   */
  public static List<FieldError> validateVolumes(List<Volume> volumes, String path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    List<Volume> all = list(volumes);
    for (int i = 0; i < all.size(); i++) {
      Volume vol = all.get(i);
      String idx = index(path, i);
      errs.addAll(validateSource(vol, idx));
      String name = vol.getName();
      if (isEmpty(name)) {
        errs.add(FieldError.required(idx + ".name", ""));
      } else {
        errs.addAll(FieldChecks.dns1123Label(name, idx + ".name"));
        if (!names.add(name)) {
          errs.add(FieldError.duplicate(idx + ".name", name));
        }
      }
    }
    return errs;
  }

  /**
   * Validates one container's volume mounts at {@code path}: each names a volume of the pod, has a
   * mount path unique within the container, and a relative sub path without "..".
   */
  public static List<FieldError> validateVolumeMounts(
      List<VolumeMount> mounts, Set<String> volumeNames, String path) {
    List<FieldError> errs = new ArrayList<>();
    Set<String> mountPaths = new HashSet<>();
    List<VolumeMount> all = list(mounts);
    for (int i = 0; i < all.size(); i++) {
      VolumeMount mount = all.get(i);
      String idx = index(path, i);
      String name = FieldChecks.str(mount.getName());
      if (name.isEmpty()) {
        errs.add(FieldError.required(idx + ".name", ""));
      }
      if (!volumeNames.contains(name)) {
        errs.add(FieldError.notFound(idx + ".name", name));
      }
      String mountPath = FieldChecks.str(mount.getMountPath());
      if (mountPath.isEmpty()) {
        errs.add(FieldError.required(idx + ".mountPath", ""));
      }
      if (!mountPaths.add(mountPath)) {
        errs.add(FieldError.invalid(idx + ".mountPath", mountPath, "must be unique"));
      }
      if (!isEmpty(mount.getSubPath())) {
        errs.addAll(localDescendingPath(mount.getSubPath(), idx + ".subPath"));
      }
      if (!isEmpty(mount.getSubPath()) && !isEmpty(mount.getSubPathExpr())) {
        errs.add(
            FieldError.invalid(
                idx + ".subPathExpr",
                mount.getSubPathExpr(),
                "subPathExpr and subPath are mutually exclusive"));
      }
    }
    return errs;
  }

  /** The names of the volumes, for checking mounts against. */
  static Set<String> names(List<Volume> volumes) {
    Set<String> names = new HashSet<>();
    list(volumes).forEach(v -> names.add(FieldChecks.str(v.getName())));
    return names;
  }

  private static List<FieldError> validateSource(Volume vol, String path) {
    List<FieldError> errs = new ArrayList<>();
    int found = 0;
    for (Map.Entry<String, Function<Volume, Object>> source : SOURCES.entrySet()) {
      if (source.getValue().apply(vol) == null) {
        continue;
      }
      if (++found > 1) {
        errs.add(
            FieldError.forbidden(
                path + "." + source.getKey(), "may not specify more than 1 volume type"));
      }
    }
    if (vol.getEmptyDir() != null && vol.getEmptyDir().getSizeLimit() != null) {
      errs.addAll(
          ResourceValidation.validateQuantity(
              vol.getEmptyDir().getSizeLimit(), path + ".emptyDir.sizeLimit"));
    }
    if (vol.getHostPath() != null && isEmpty(vol.getHostPath().getPath())) {
      errs.add(FieldError.required(path + ".hostPath.path", ""));
    }
    if (vol.getConfigMap() != null && isEmpty(vol.getConfigMap().getName())) {
      errs.add(FieldError.required(path + ".configMap.name", ""));
    }
    if (vol.getSecret() != null && isEmpty(vol.getSecret().getSecretName())) {
      errs.add(FieldError.required(path + ".secret.secretName", ""));
    }
    if (vol.getPersistentVolumeClaim() != null
        && isEmpty(vol.getPersistentVolumeClaim().getClaimName())) {
      errs.add(FieldError.required(path + ".persistentVolumeClaim.claimName", ""));
    }
    return errs;
  }

  /** Upstream's validateLocalDescendingPath: relative, and no ".." element. */
  static List<FieldError> localDescendingPath(String target, String path) {
    List<FieldError> errs = new ArrayList<>();
    if (target.startsWith("/")) {
      errs.add(FieldError.invalid(path, target, "must be a relative path"));
    }
    for (String part : target.split("[/\\\\]")) {
      if (part.equals("..")) {
        errs.add(FieldError.invalid(path, target, "must not contain '..'"));
        break;
      }
    }
    return errs;
  }
}
