package org.tradeflow.intake;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tradeflow.business.InvalidInput;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Idempotency-Keys for every intake. A caller's key names one request in one scope (orders, receipts, ...):
 * sent again with the same request (same fingerprint) it is answered with the first answer, sent with a different
 * request it is refused. Another caller's key of the same text is another key.
 * <p>
 * A key is claimed by inserting it in the intake's transaction, so a concurrent twin waits on the primary key
 * until the first commits and then fails on it; {@link #retryingOnRace} runs the twin again, and it replays.
 */
@Component
public class Idempotency {

    private final JdbcTemplate jdbc;

    Idempotency(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Empty when the key is new (it is now held by this transaction: record the answer with {@link #answered});
     * the earlier answer's reference when the same request came with it before.
     *
     * @param earlier what the earlier answer was, for the refusal of a different request ("order SO-100002")
     * @throws KeyReused when the key came before with a different request
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<String> claim(String scope, String caller, String key, String fingerprint,
                                  Function<String, String> earlier) {
        List<Earlier> found = jdbc.query("select fingerprint, result_ref from idempotency_key "
                        + "where scope = ? and caller = ? and key = ?",
                (rs, row) -> new Earlier(rs.getString(1), rs.getString(2)), scope, caller, key);
        if (found.isEmpty()) {
            jdbc.update("insert into idempotency_key (scope, caller, key, fingerprint) values (?, ?, ?, ?)",
                    scope, caller, key, fingerprint);
            return Optional.empty();
        }
        if (!found.get(0).fingerprint().equals(fingerprint)) {
            throw new KeyReused(earlier.apply(found.get(0).resultRef()));
        }
        return Optional.of(found.get(0).resultRef());
    }

    /** What answered the request of a key claimed in this transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void answered(String scope, String caller, String key, String resultRef) {
        jdbc.update("update idempotency_key set result_ref = ? where scope = ? and caller = ? and key = ?",
                resultRef, scope, caller, key);
    }

    /**
     * Runs an intake (outside any transaction) and, when it lost the race on a unique key to a concurrent twin that
     * has committed by now, once more: the second run finds the twin's answer. A failed run changed nothing, so
     * running it again is safe; a second failure is not a race and is thrown.
     */
    public <T> T retryingOnRace(Supplier<T> intake) {
        try {
            return intake.get();
        } catch (DataIntegrityViolationException concurrentTwin) {
            return intake.get();
        }
    }

    /** SHA-256 of a request's canonical form, as hex. */
    public static String fingerprint(byte[] canonical) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Earlier(String fingerprint, String resultRef) {
    }

    /** The key came before with another request: answering it with the first answer would hide a mistake. */
    public static class KeyReused extends InvalidInput {

        KeyReused(String earlier) {
            super("idempotency.key-reused", "Idempotency-Key", "was already used by you for " + earlier);
        }
    }
}
