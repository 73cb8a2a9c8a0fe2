package io.minik8s.client.component;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.event.Level;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The shared flags, parsed by Picocli as a component declares them. */
class FlagsTest {

  @Command(name = "test-component")
  static final class TestCommand {
    @Mixin ComponentOptions options = new ComponentOptions(20, 30);
    @Mixin SecureServingOptions serving = new SecureServingOptions(10257);
    @Mixin LeaderElectionOptions election = new LeaderElectionOptions("test-component");
  }

  private static TestCommand parse(String... args) {
    TestCommand command = new TestCommand();
    new CommandLine(command).parseArgs(args);
    return command;
  }

  @Test
  void defaultsAreTheComponentsOwn() {
    TestCommand command = parse();

    assertThat(command.options.kubeApiQps()).isEqualTo(20);
    assertThat(command.options.kubeApiBurst()).isEqualTo(30);
    assertThat(command.options.verbosity()).isZero();
    assertThat(command.options.kubeconfig()).isNull();
    assertThat(command.options.master()).isNull();
    assertThat(command.serving.endpoint())
        .contains(ServingEndpoint.https("secure serving", "0.0.0.0", 10257, null, null));
    assertThat(command.election.leaderElect()).isTrue();
    assertThat(command.election.leaseDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(command.election.renewDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(command.election.retryPeriod()).isEqualTo(Duration.ofSeconds(2));
    assertThat(command.election.resourceName()).isEqualTo("test-component");
    assertThat(command.election.resourceNamespace()).isEqualTo("kube-system");
  }

  @Test
  void clientFlagsOverrideTheDefaults() {
    TestCommand command =
        parse(
            "--kubeconfig",
            "/etc/kubeconfig",
            "--master=http://h:8080",
            "--kube-api-qps=7.5",
            "--kube-api-burst",
            "15");

    assertThat(command.options.kubeconfig()).isEqualTo("/etc/kubeconfig");
    assertThat(command.options.master()).isEqualTo("http://h:8080");
    assertThat(command.options.kubeApiQps()).isEqualTo(7.5);
    assertThat(command.options.kubeApiBurst()).isEqualTo(15);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"-v=4, 4", "-v 2, 2", "--v=6, 6", "-v3, 3", "--v 10, 10"})
  void takesKlogsVerbosityInEverySpelling(String flag, int level) {
    assertThat(parse(flag.split(" ")).options.verbosity()).isEqualTo(level);
  }

  @ParameterizedTest(name = "-v={0} -> {1}")
  @CsvSource({"0, INFO", "2, INFO", "3, INFO", "4, DEBUG", "5, DEBUG", "6, TRACE", "10, TRACE"})
  void mapsVerbosityOntoLogLevels(int verbosity, Level level) {
    assertThat(Verbosity.level(verbosity)).isEqualTo(level);
  }

  @Test
  void keepsLibrariesAtInfoUntilVerbosityNine() {
    assertThat(Verbosity.libraryLevel(8)).isEqualTo(Level.INFO);
    assertThat(Verbosity.libraryLevel(9)).isEqualTo(Level.DEBUG);
  }

  @Test
  void refusesVerbosityOutsideZeroToTenAndBurstBelowOne() {
    assertThatThrownBy(() -> parse("-v=11").options.validate())
        .hasMessageContaining("-v must be between 0 and 10");
    assertThatThrownBy(() -> parse("--kube-api-burst=0").options.validate())
        .hasMessageContaining("--kube-api-burst");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("durations")
  void parsesLeaderElectionDurationsInGoSyntax(String flag, Duration expected) {
    assertThat(parse(flag).election.leaseDuration()).isEqualTo(expected);
  }

  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of("--leader-elect-lease-duration=3s", Duration.ofSeconds(3)),
        Arguments.of("--leader-elect-lease-duration=1m30s", Duration.ofSeconds(90)),
        Arguments.of("--leader-elect-lease-duration=1500ms", Duration.ofMillis(1500)),
        Arguments.of("--leader-elect-lease-duration=0.5h", Duration.ofMinutes(30)));
  }

  @Test
  void refusesADurationThatIsNotGoSyntax() {
    assertThatThrownBy(() -> parse("--leader-elect-lease-duration=15"))
        .isInstanceOf(CommandLine.ParameterException.class)
        .hasMessageContaining("--leader-elect-lease-duration");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"--leader-elect, true", "--leader-elect=true, true", "--leader-elect=false, false"})
  void takesLeaderElectAsABooleanWithOptionalValue(String flag, boolean expected) {
    assertThat(parse(flag).election.leaderElect()).isEqualTo(expected);
  }

  @Test
  void checksLeaderElectionTimingsAsUpstream() {
    assertThatThrownBy(() -> parse("--leader-elect-lease-duration=10s").election.validate())
        .hasMessageContaining("greater than --leader-elect-renew-deadline");
    assertThatThrownBy(() -> parse("--leader-elect-retry-period=10s").election.validate())
        .hasMessageContaining("greater than --leader-elect-retry-period");
    assertThatThrownBy(() -> parse("--leader-elect-resource-lock=endpoints").election.validate())
        .hasMessageContaining("only \"leases\"");
    parse("--leader-elect=false", "--leader-elect-lease-duration=1s").election.validate();
  }

  @Test
  void securePortZeroServesNothingAndCertificatesComeInPairs() {
    assertThat(parse("--secure-port=0").serving.endpoint()).isEmpty();
    assertThatThrownBy(() -> parse("--tls-cert-file=/tmp/c.pem").serving.endpoint())
        .hasMessageContaining("--tls-cert-file and --tls-private-key-file go together");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostPorts")
  void parsesIpPortFlags(String text, HostPort expected) {
    assertThat(HostPort.parse(text)).isEqualTo(expected);
    assertThat(new HostPort.Converter().convert(text)).isEqualTo(expected);
  }

  static Stream<Arguments> hostPorts() {
    return Stream.of(
        Arguments.of("0.0.0.0:10256", new HostPort("0.0.0.0", 10256)),
        Arguments.of("127.0.0.1:10249", new HostPort("127.0.0.1", 10249)),
        Arguments.of("[::]:10249", new HostPort("::", 10249)),
        Arguments.of("localhost:0", new HostPort("localhost", 0)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0.0.0.0", "0.0.0.0:", ":10256", "::1:10256", "host:port", "host:70000"})
  void refusesMalformedIpPortFlags(String text) {
    assertThatThrownBy(() -> HostPort.parse(text)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyIpPortFlagDisablesTheListener() {
    assertThat(new HostPort.Converter().convert("")).isNull();
  }

  @Test
  void printsFlagValuesAsUpstreamDoes() {
    assertThat(ComponentRuntime.flagValue(Duration.ofMinutes(5))).isEqualTo("5m0s");
    assertThat(ComponentRuntime.flagValue(null)).isEmpty();
    assertThat(ComponentRuntime.flagValue(20.0)).isEqualTo("20");
    assertThat(ComponentRuntime.flagValue(7.5)).isEqualTo("7.5");
    assertThat(ComponentRuntime.flagValue(List.of("*", "-ttl"))).isEqualTo("*,-ttl");
  }
}
