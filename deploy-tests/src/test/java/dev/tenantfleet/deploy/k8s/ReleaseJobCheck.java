package dev.tenantfleet.deploy.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenantfleet.deploy.Problems;
import dev.tenantfleet.deploy.program.Programs;
import java.util.List;
import java.util.Map;

/**
 * The migrate-release Job is a release gate: an Argo CD PreSync and Helm pre-upgrade hook that is never retried
 * (backoffLimit 0, restartPolicy Never), runs {@code tenantctl release migrate --target TAG ... --wait}, reaches
 * tenant-service through a Service of k8s/ that really serves it, and outlives tenantctl's own --wait-timeout.
 */
final class ReleaseJobCheck implements ManifestCheck {

    @Override
    public void check(ManifestSet set, Programs programs, Problems problems) {
        set.containers().stream()
                .filter(c -> c.owner().isObject() && c.owner().kind().equals("Job"))
                .filter(c -> c.image()
                        .flatMap(programs::forImage)
                        .map(p -> p.name().equals("tenantctl"))
                        .orElse(false))
                .forEach(container -> check(container, set, problems));
    }

    private static void check(PodContainer container, ManifestSet set, Problems problems) {
        Manifest job = container.owner();
        JsonNode annotations = job.doc().path("metadata").path("annotations");
        expect(
                annotations.path("argocd.argoproj.io/hook").asText().contains("PreSync"),
                job,
                problems,
                "is not an Argo CD PreSync hook (argocd.argoproj.io/hook: PreSync)");
        expect(
                annotations.has("argocd.argoproj.io/hook-delete-policy"),
                job,
                problems,
                "has no argocd.argoproj.io/hook-delete-policy: the next sync cannot recreate it");
        expect(
                annotations.path("helm.sh/hook").asText().contains("pre-upgrade"),
                job,
                problems,
                "is not a Helm pre-upgrade hook (helm.sh/hook: pre-upgrade)");
        expect(annotations.has("helm.sh/hook-delete-policy"), job, problems, "has no helm.sh/hook-delete-policy");
        expect(
                job.doc().path("spec").path("backoffLimit").asText().equals("0"),
                job,
                problems,
                "needs backoffLimit 0: a failed release is not retried blindly");
        expect(
                container.pod().path("restartPolicy").asText().equals("Never"),
                job,
                problems,
                "needs restartPolicy Never");
        Map<String, String> env = ContainerEnv.effective(container, set);
        List<String> args = container.words().stream()
                .map(word -> ContainerEnv.substitute(word, env))
                .toList();
        ReleaseArgs.check(container, args, job.doc().path("spec").path("activeDeadlineSeconds"), problems);
        TenantServiceUrl.check(container, env.get("TENANTFLEET_URL"), set, problems);
    }

    private static void expect(boolean condition, Manifest job, Problems problems, String message) {
        if (!condition) {
            problems.add(job.where(), message);
        }
    }
}
