package dev.tenantfleet.identity.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyLayoutTest {
    private static final UUID TENANT = UUID.fromString("a8d3e5f1-6c2b-4d97-b0e4-1f2a3b4c5d6e");
    private static final UUID USER = UUID.fromString("0f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");

    @Test
    void keysFollowTheDocumentedLayout() {
        KeyLayout layout = new KeyLayout("tf");

        assertThat(layout.tag(Tags.user(USER))).isEqualTo("tf:tag:user:" + USER);
        assertThat(layout.tag(Tags.member(TENANT, USER))).isEqualTo("tf:tag:member:" + TENANT + ":" + USER);
        assertThat(layout.tag(Tags.policies(TENANT))).isEqualTo("tf:tag:crm.policies:" + TENANT);
        assertThat(layout.tag(Tags.POLICIES)).isEqualTo("tf:tag:crm.policies");
        assertThat(layout.tag(Tags.tenant(TENANT))).isEqualTo("tf:tag:tenant:" + TENANT);
        assertThat(layout.tenantUser(TENANT, USER)).isEqualTo("tf:t:" + TENANT + ":user:" + USER);
        assertThat(layout.tenantPolicies(TENANT)).isEqualTo("tf:t:" + TENANT + ":policies");
        assertThat(layout.tenantStatus(TENANT)).isEqualTo("tf:tenant-status:" + TENANT);
        assertThat(layout.version("user:" + USER)).isEqualTo("tf:ver:user:" + USER);
    }

    @Test
    void theUserPayloadKeyIsTheSha256OfTheTokenWhateverThePrefix() {
        // sha256("abc"), the FIPS 180-2 test vector
        String abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

        assertThat(new KeyLayout("tf").userPayload("abc")).isEqualTo("identity.user:" + abc);
        assertThat(new KeyLayout("other").userPayload("abc")).isEqualTo("identity.user:" + abc);
    }

    @Test
    void aPrefixMustBeNonBlankWithoutTrailingColon() {
        assertThatThrownBy(() -> new KeyLayout(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyLayout("tf:")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theTagTtlMustExceedEveryEntryTtl() {
        CacheSettings defaults = CacheSettings.defaults();
        assertThat(defaults.tagTtl()).isEqualTo(Duration.ofHours(2));
        assertThat(defaults.userPayloadTtl()).isEqualTo(Duration.ofSeconds(60));

        assertThatThrownBy(() -> new CacheSettings(
                        "tf",
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(15),
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(60),
                        Duration.ofDays(7),
                        Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must exceed");
        assertThatThrownBy(() -> new CacheSettings(
                        "tf",
                        Duration.ofHours(2),
                        Duration.ZERO,
                        Duration.ofMinutes(1),
                        Duration.ofSeconds(60),
                        Duration.ofDays(7),
                        Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scriptsAreOnTheClassPathAndHashedLikeRedisDoes() {
        assertThat(LuaScripts.READ).contains("redis.call('GET', KEYS[1])");
        // SHA-1 of the empty string
        assertThat(LuaScripts.sha1("")).isEqualTo("da39a3ee5e6b4b0d3255bfef95601890afd80709");
    }
}
