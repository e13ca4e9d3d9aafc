package org.tradeflow.edi;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.tradeflow.business.BusinessException;
import org.tradeflow.intake.Idempotency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Drop folders: a partner (or its VAN) puts interchanges into {@code <inbox>/<PARTNER>/}. A file is taken once it has
 * settled (not written to for {@code tradeflow.edi.inbox-settle}, so a half-copied file is left alone), claimed by an
 * atomic move into {@code processing/} (of two nodes, only one wins the move), received as over the API by
 * "inbox:PARTNER", then moved to {@code processed/} with the acknowledgement beside it ({@code <name>.ack}) or, when
 * refused whole (no X12, too large, another sender than the folder's partner), to {@code rejected/} with
 * {@code <name>.reason.txt}. A file left in {@code processing/} by a crash is taken again on the next poll after start:
 * receipt is idempotent by ISA13, so it makes no second order.
 */
@Component
public class EdiInbox {

    private static final Logger log = LoggerFactory.getLogger(EdiInbox.class);
    static final String PROCESSING = "processing";
    static final String PROCESSED = "processed";
    static final String REJECTED = "rejected";
    /** Names we write beside a file, and names a copy in progress commonly has. */
    private static final Pattern IGNORED = Pattern.compile("(?i)^\\..*|.*\\.(ack|reason\\.txt|tmp|part|filepart)$");

    private final Path inbox;
    private final Duration settle;
    private final long maxBytes;
    private final TradingPartners partners;
    private final EdiInterchanges interchanges;
    private final Idempotency idempotency;
    /** File times are the file system's; the clock is the server's, the same one in production. */
    private final Clock clock;
    /** Files in processing/ are a crash's leftovers only at start; later they are another node's work in progress. */
    private volatile boolean resumed;

    EdiInbox(@Value("${tradeflow.edi.inbox:edi/inbox}") Path inbox,
             @Value("${tradeflow.edi.inbox-settle:PT2S}") Duration settle,
             @Value("${tradeflow.api.max-edi-request-size:10MB}") DataSize maxSize,
             TradingPartners partners, EdiInterchanges interchanges, Idempotency idempotency, Clock clock) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.settle = settle;
        this.maxBytes = maxSize.toBytes();
        this.partners = partners;
        this.interchanges = interchanges;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** What became of one file: where it went ({@code processed/...} or {@code rejected/...}) and why. */
    public record Outcome(String partner, Path file, String status, String reason) {
    }

    /** One pass over every partner's folder; the files taken, oldest first. */
    public synchronized List<Outcome> poll() {
        List<Outcome> outcomes = new ArrayList<>();
        if (!Files.isDirectory(inbox)) {
            return outcomes;
        }
        boolean resuming = !resumed;
        for (String partner : partners.codes()) {
            Path folder = inbox.resolve(partner);
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            try {
                if (resuming) {
                    for (Path leftover : files(folder.resolve(PROCESSING), false)) {
                        log.warn("EDI inbox: {} was left in processing by an earlier run; receiving it again", leftover);
                        outcomes.add(process(partner, folder, leftover));
                    }
                }
                for (Path file : files(folder, true)) {
                    claim(folder, file).ifPresent(claimed -> outcomes.add(process(partner, folder, claimed)));
                }
            } catch (IOException | UncheckedIOException e) {
                log.error("EDI inbox: cannot read {}", folder, e);
            }
        }
        resumed = true;
        return outcomes;
    }

    /** The folder's regular files (no links, nothing we wrote), settled ones only if asked, oldest first. */
    private List<Path> files(Path folder, boolean settledOnly) throws IOException {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return files;
        }
        // file times are the file system's, the wall clock's, whatever clock the application runs on
        Instant settled = clock.instant().minus(settle);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                if (!Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) || IGNORED.matcher(entry.getFileName().toString()).matches()) {
                    continue;
                }
                try {
                    if (!settledOnly || Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(settled)) {
                        files.add(entry);
                    }
                } catch (NoSuchFileException gone) {
                    // taken by another node meanwhile
                }
            }
        }
        files.sort((a, b) -> {
            try {
                return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
            } catch (IOException e) {
                return 0;
            }
        });
        return files;
    }

    /** The file moved into processing/, or empty when another node moved it first. */
    private Optional<Path> claim(Path folder, Path file) throws IOException {
        Path processing = Files.createDirectories(folder.resolve(PROCESSING));
        Path target = free(processing, file.getFileName().toString());
        try {
            return Optional.of(Files.move(file, target, StandardCopyOption.ATOMIC_MOVE));
        } catch (NoSuchFileException | FileAlreadyExistsException taken) {
            return Optional.empty();
        } catch (AtomicMoveNotSupportedException e) {
            throw new IllegalStateException("EDI inbox " + folder + ": the file system cannot move files atomically", e);
        }
    }

    private Outcome process(String partner, Path folder, Path claimed) {
        String name = claimed.getFileName().toString();
        Receipt receipt;
        try {
            receipt = receive(partner, claimed);
        } catch (BusinessException refused) {
            receipt = new Receipt(null, refused.getMessage());
        } catch (IOException | UncheckedIOException e) {
            log.error("EDI inbox: cannot read {}; it stays in processing", claimed, e);
            return new Outcome(partner, claimed, PROCESSING, e.getMessage());
        } catch (RuntimeException e) {
            // the database gone, a bug: the file stays claimed and is taken again after a restart
            log.error("EDI inbox: receiving {} failed; it stays in processing", claimed, e);
            return new Outcome(partner, claimed, PROCESSING, String.valueOf(e.getMessage()));
        }
        try {
            String refusal = receipt.refusal();
            if (refusal == null) {
                Path done = Files.createDirectories(folder.resolve(PROCESSED));
                Path target = free(done, name);
                Files.writeString(done.resolve(target.getFileName() + ".ack"), receipt.acknowledgement(), StandardCharsets.US_ASCII,
                        StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                Files.move(claimed, target, StandardCopyOption.ATOMIC_MOVE);
                return new Outcome(partner, target, PROCESSED, null);
            }
            Path rejected = Files.createDirectories(folder.resolve(REJECTED));
            Path target = free(rejected, name);
            Files.writeString(rejected.resolve(target.getFileName() + ".reason.txt"), refusal + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
            Files.move(claimed, target, StandardCopyOption.ATOMIC_MOVE);
            log.warn("EDI inbox: {} of partner {} rejected: {}", name, partner, refusal);
            return new Outcome(partner, target, REJECTED, refusal);
        } catch (IOException e) {
            log.error("EDI inbox: cannot file {} away; it stays in processing", claimed, e);
            return new Outcome(partner, claimed, PROCESSING, e.getMessage());
        }
    }

    /** The acknowledgement when received, else why the file is refused whole. */
    private record Receipt(String acknowledgement, String refusal) {
    }

    private Receipt receive(String partner, Path file) throws IOException {
        long size = Files.size(file);
        if (size > maxBytes) {
            return new Receipt(null, "the file has " + size + " bytes, more than the limit of " + maxBytes + " for an interchange");
        }
        byte[] raw = Files.readAllBytes(file);
        if (raw.length > maxBytes) {
            return new Receipt(null, "the file has more than the limit of " + maxBytes + " bytes for an interchange");
        }
        X12Interchange.Isa isa = X12Reader.read(raw).isa();
        String sender = partners.bySender(isa.senderQualifier(), isa.senderId()).map(TradingPartners.Partner::code).orElse(null);
        if (!partner.equals(sender)) {
            return new Receipt(null, "ISA05/ISA06 " + isa.senderQualifier() + "/" + isa.senderId() + ": the interchange is "
                    + (sender == null ? "from no trading partner of ours" : "trading partner " + sender + "'s")
                    + ", not " + partner + "'s whose folder it was put in");
        }
        EdiInterchanges.Received received = idempotency.retryingOnRace(() -> interchanges.receive(raw, "inbox:" + partner));
        return new Receipt(received.interchange().acknowledgement(), null);
    }

    /** This name in the folder, or with a number added when a file of that name is there already. */
    private static Path free(Path folder, String name) {
        Path target = folder.resolve(name);
        for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS) || Files.exists(folder.resolve(target.getFileName() + ".ack"))
                || Files.exists(folder.resolve(target.getFileName() + ".reason.txt")); n++) {
            target = folder.resolve(name + "." + n);
        }
        return target;
    }

    Path folder(String partner) {
        return inbox.resolve(partner);
    }
}
