package dev.tenantfleet.deploy.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.deploy.Repo;
import dev.tenantfleet.deploy.program.Programs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checks catch what they are for: each snippet drifts in one way and the report names it. */
class ManifestDriftTest {
    private static final String SECRETS = """
            apiVersion: v1
            kind: Secret
            metadata: {name: keys}
            stringData: {TENANTFLEET_KEYS: "k1:x"}
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: broker}
            stringData: {RABBITMQ_USERNAME: u, RABBITMQ_PASSWORD: p, host: "http://u:p@rabbitmq.messaging.svc.cluster.local:15672"}
            """;
    private final Programs programs = Programs.of(Repo.root());

    @Test
    void aValidWorkerPassesSoTheOtherSnippetsFailForTheirOneDrift() {
        assertThat(problems(worker())).isEmpty();
    }

    @Test
    void aMisspelledVariableIsReportedWithTheNameTheServiceReads() {
        String drifted =
                worker().replace("name: TENANTFLEET_MIGRATION_CONCURRENCY", "name: TENANTFLEET_MIGRATION_CONCURENCY")
                                .replace("- secretRef: {name: keys}", "- configMapRef: {name: extra}")
                        + """
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: extra}
                data: {TENANTFLEET_KEY: "k1:x"}
                """;

        assertThat(problems(drifted))
                .anySatisfy(
                        p -> assertThat(p)
                                .contains(
                                        "env TENANTFLEET_MIGRATION_CONCURENCY: migration-worker does not "
                                                + "read TENANTFLEET_MIGRATION_CONCURENCY (did you mean TENANTFLEET_MIGRATION_CONCURRENCY?)"))
                .anySatisfy(p -> assertThat(p)
                        .contains("ConfigMap extra injects TENANTFLEET_KEY, which migration-worker "
                                + "does not read (did you mean TENANTFLEET_KEYS?)"))
                .anySatisfy(p ->
                        assertThat(p).contains("migration-worker requires tenantfleet.keys (set TENANTFLEET_KEYS)"));
    }

    @Test
    void probesOnTheWrongPathOrPortAreReported() {
        String drifted = worker().replace("path: /api/health/ready", "path: /q/health/ready")
                .replace("containerPort: 8081", "containerPort: 8080");

        assertThat(problems(drifted))
                .anySatisfy(p -> assertThat(p).contains("readinessProbe: asks /q/health/ready, not /api/health/ready"))
                .anySatisfy(p -> assertThat(p).contains("the service listens on 8081, which no containerPort declares"))
                .anySatisfy(
                        p -> assertThat(p).contains("livenessProbe: asks port http, but the service listens on 8081"));
    }

    @Test
    void referencesToMissingSecretsOrKeysAreReported() {
        String drifted = worker().replace("key: RABBITMQ_PASSWORD", "key: password")
                .replace("- secretRef: {name: keys}", "- secretRef: {name: tenantfleet-keys}");

        assertThat(problems(drifted))
                .anySatisfy(p -> assertThat(p).contains("env RABBITMQ_PASSWORD: Secret broker has no key password"))
                .anySatisfy(
                        p -> assertThat(p).contains("envFrom tenantfleet-keys: no Secret tenantfleet-keys in k8s/"));
    }

    @Test
    void aScalerOnAnotherQueueOrWithFixedReplicasIsReported() {
        String drifted = worker().replace("queueName: migration-worker.commands", "queueName: migration.commands")
                .replace("spec:\n  selector:", "spec:\n  replicas: 2\n  selector:");

        assertThat(problems(drifted))
                .anySatisfy(p -> assertThat(p)
                        .contains("queueName migration.commands is not a queue migration-worker "
                                + "consumes [migration-worker.commands]"))
                .anySatisfy(p ->
                        assertThat(p).contains("sets replicas, which resets the count ScaledObject worker manages"));
    }

    @Test
    void aHeapAboveTheMemoryLimitAndAShortGracePeriodAreReported() {
        String drifted = worker().replace("-Xmx256m", "-Xmx500m")
                .replace("terminationGracePeriodSeconds: 90", "terminationGracePeriodSeconds: 30");

        assertThat(problems(drifted))
                .anySatisfy(
                        p -> assertThat(p).contains("-Xmx of 500 MiB leaves too little of the 512 MiB memory limit"))
                .anySatisfy(p -> assertThat(p)
                        .contains("terminationGracePeriodSeconds must exceed the service's "
                                + "shutdown-timeout of 60 s"));
    }

    @Test
    void aReleaseJobThatIsNoGateIsReported() {
        String job = """
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: migrate
                  annotations: {argocd.argoproj.io/hook: PostSync}
                spec:
                  backoffLimit: 3
                  template:
                    spec:
                      restartPolicy: OnFailure
                      containers:
                        - name: tenantctl
                          image: tenantfleet/tenantctl:1
                          args: [release, migrate, --target, $(TAG)]
                          env:
                            - {name: TENANTFLEET_URL, value: "http://tenant-svc:8080"}
                            - {name: SYSTEM_API_TOKEN, value: t}
                """;

        assertThat(problems(worker() + "---\n" + job))
                .anySatisfy(p -> assertThat(p).contains("is not an Argo CD PreSync hook"))
                .anySatisfy(p -> assertThat(p).contains("is not a Helm pre-upgrade hook"))
                .anySatisfy(p -> assertThat(p).contains("needs backoffLimit 0"))
                .anySatisfy(p -> assertThat(p).contains("needs restartPolicy Never"))
                .anySatisfy(p -> assertThat(p).contains("$(TAG) is not defined"))
                .anySatisfy(p -> assertThat(p).contains("needs --wait"))
                .anySatisfy(p -> assertThat(p).contains("env TENANTFLEET_URL: no Service tenant-svc in k8s/"));
    }

    @Test
    void aPodWithServiceLinksIsReportedWithThePortVariableItsOwnServiceWouldSet() {
        String tenantService = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: tenant-service}
                spec:
                  selector:
                    matchLabels: {app: tenant-service}
                  template:
                    metadata:
                      labels: {app: tenant-service}
                    spec:
                      containers:
                        - name: tenant-service
                          image: tenantfleet/tenant-service:1
                          env:
                            - {name: RABBITMQ_PORT, value: "5672"}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: tenant-service}
                spec:
                  selector: {app: tenant-service}
                  ports: [{name: http, port: 8080, targetPort: 8080}]
                """;

        assertThat(problems(tenantService))
                .anySatisfy(p -> assertThat(p)
                        .contains("Deployment/tenant-service: needs enableServiceLinks: false")
                        .contains("tenant-service reads")
                        .contains("TENANT_SERVICE_PORT")
                        .doesNotContain("RABBITMQ_PORT")
                        .contains(
                                "Service tenant-service sets TENANT_SERVICE_PORT (to tcp://<ip>:<port>, where a number goes: "
                                        + "the pod crash-loops)"));
        assertThat(problems(worker().replace("enableServiceLinks: false", "enableServiceLinks: true")))
                .anySatisfy(p -> assertThat(p).contains("Deployment/worker: needs enableServiceLinks: false"));
    }

    @Test
    void aPatchThatTurnsServiceLinksBackOnIsReportedButOneThatLeavesThemAloneIsNot() {
        String patch = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: worker}
                spec:
                  template:
                    spec:
                      containers:
                        - name: worker
                          resources: {limits: {memory: 512Mi}}
                """;

        assertThat(problems(worker(), patch, SECRETS))
                .noneSatisfy(p -> assertThat(p).contains("enableServiceLinks"));
        assertThat(problems(
                        worker(),
                        patch.replace(
                                "    spec:\n      containers:",
                                "    spec:\n      enableServiceLinks: true\n      containers:"),
                        SECRETS))
                .anySatisfy(
                        p -> assertThat(p).contains("patch.yaml Deployment/worker: needs enableServiceLinks: false"));
    }

    @Test
    void aKedaHostThatIsAShortNameOrAnotherBrokerIsReported() {
        assertThat(problems(worker(), "", SECRETS.replace("rabbitmq.messaging.svc.cluster.local", "rabbitmq")))
                .anySatisfy(p -> assertThat(p)
                        .contains("TriggerAuthentication/rabbit host (Secret broker): host rabbitmq "
                                + "is a short name, which the KEDA operator resolves in its own namespace"));
        String elsewhere = worker().replace(
                        "- {name: JAVA_OPTS, value: -Xmx256m}",
                        "- {name: JAVA_OPTS, value: -Xmx256m}\n            - {name: RABBITMQ_HOST, value: rabbitmq.other.svc.cluster.local}");
        assertThat(problems(elsewhere))
                .anySatisfy(
                        p -> assertThat(p)
                                .contains(
                                        "host rabbitmq.messaging.svc.cluster.local "
                                                + "is not the broker the worker consumes from (RABBITMQ_HOST rabbitmq.other.svc.cluster.local)"));
    }

    @Test
    void anImageThisRepositoryDoesNotBuildIsReported() {
        assertThat(problems(worker().replace("tenantfleet/migration-worker:1", "tenantfleet/migration-wroker:1")))
                .anySatisfy(p -> assertThat(p)
                        .contains(
                                "runs tenantfleet/migration-wroker:1, which no module of this " + "repository builds"));
    }

    /** A migration-worker Deployment, its ScaledObject and TriggerAuthentication, all correct. */
    private static String worker() {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: worker}
                spec:
                  selector:
                    matchLabels: {app: worker}
                  template:
                    metadata:
                      labels: {app: worker}
                      annotations: {prometheus.io/scrape: "true", prometheus.io/port: "8081", prometheus.io/path: /q/metrics}
                    spec:
                      enableServiceLinks: false
                      terminationGracePeriodSeconds: 90
                      containers:
                        - name: worker
                          image: tenantfleet/migration-worker:1
                          ports: [{name: http, containerPort: 8081}]
                          env:
                            - {name: JAVA_OPTS, value: -Xmx256m}
                            - {name: TENANTFLEET_MIGRATION_CONCURRENCY, value: "4"}
                            - name: RABBITMQ_PASSWORD
                              valueFrom: {secretKeyRef: {name: broker, key: RABBITMQ_PASSWORD}}
                          envFrom:
                            - secretRef: {name: keys}
                          resources:
                            requests: {cpu: 100m, memory: 384Mi}
                            limits: {memory: 512Mi}
                          readinessProbe: {httpGet: {path: /api/health/ready, port: http}}
                          livenessProbe: {httpGet: {path: /api/health/live, port: http}}
                ---
                apiVersion: keda.sh/v1alpha1
                kind: TriggerAuthentication
                metadata: {name: rabbit}
                spec:
                  secretTargetRef: [{parameter: host, name: broker, key: host}]
                ---
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: worker}
                spec:
                  scaleTargetRef: {name: worker}
                  triggers:
                    - type: rabbitmq
                      metadata: {protocol: http, queueName: migration-worker.commands, mode: QueueLength, value: "8"}
                      authenticationRef: {name: rabbit}
                """;
    }

    private List<String> problems(String yaml) {
        return problems(yaml, "", SECRETS);
    }

    /** Objects, patches over them, and the out-of-band Secrets, checked as k8s/ is. */
    private List<String> problems(String yaml, String patches, String secrets) {
        List<Manifest> manifests = new ArrayList<>(ManifestSet.parse("snippet.yaml", yaml, Manifest.Role.RESOURCE));
        manifests.addAll(ManifestSet.parse("patch.yaml", patches, Manifest.Role.PATCH));
        manifests.addAll(ManifestSet.parse("secrets.example.yaml", secrets, Manifest.Role.EXTERNAL));
        return ManifestValidator.validateRendered(new ManifestSet(manifests), programs)
                .all();
    }
}
