package dev.tenantfleet.identity.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tenantfleet.identity.cache.IdentityCacheErrorCode;
import dev.tenantfleet.identity.cache.RedisPort;
import dev.tenantfleet.identity.support.IdentityTestEnvironment;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The pipelined script calls of the Quarkus Redis adapter, against the real local Redis. Each test uses a script no
 * Redis has seen (a random comment changes its SHA-1), so the first EVALSHA of it is always answered NOSCRIPT.
 */
@QuarkusTest
@WithTestResource(IdentityTestEnvironment.class)
class QuarkusRedisPortTest {

    @Inject
    QuarkusRedisPort port;

    @Test
    void shouldAnswerEveryPipelinedCallInOrderEvenWhenRedisDidNotKnowTheScriptYet() {
        String script = unique("return tonumber(ARGV[1]) * 2");

        List<RedisPort.Reply> first = port.evalAll(calls(script, 1, 50));
        List<RedisPort.Reply> second = port.evalAll(calls(script, 51, 100)); // now known: one pipelined round trip

        assertThat(first).extracting(RedisPort.Reply::value).containsExactlyElementsOf(expected(1, 50));
        assertThat(second).extracting(RedisPort.Reply::value).containsExactlyElementsOf(expected(51, 100));
        assertThat(first).extracting(RedisPort.Reply::error).containsOnlyNulls();
    }

    @Test
    void shouldPinARefusedCallOnItselfAndStillAnswerTheOthers() {
        String script = unique("if ARGV[1] == '13' then return redis.error_reply('refused thirteen') end "
                + "return tonumber(ARGV[1])");
        port.evalAll(calls(script, 1, 2)); // loaded, so the next batch goes out pipelined and meets the error there

        List<RedisPort.Reply> replies = port.evalAll(calls(script, 10, 15));

        assertThat(replies).hasSize(6);
        assertThat(replies.get(3).error()).isNotNull();
        assertThat(replies.get(3).error().code()).isEqualTo(IdentityCacheErrorCode.REDIS_ERROR);
        assertThat(replies.get(3).error().getMessage()).contains("refused thirteen");
        assertThat(replies).extracting(RedisPort.Reply::value).containsExactly(10L, 11L, 12L, null, 14L, 15L);
    }

    private static List<RedisPort.ScriptCall> calls(String script, int from, int to) {
        List<RedisPort.ScriptCall> calls = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            calls.add(new RedisPort.ScriptCall(script, List.of(), List.of(Integer.toString(i))));
        }
        return calls;
    }

    private static List<Object> expected(int from, int to) {
        List<Object> values = new ArrayList<>();
        for (long i = from; i <= to; i++) {
            values.add(i * 2);
        }
        return values;
    }

    private static String unique(String body) {
        return "-- " + UUID.randomUUID() + "\n" + body;
    }
}
