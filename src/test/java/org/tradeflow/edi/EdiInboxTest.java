package org.tradeflow.edi;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tradeflow.support.IntegrationTest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Real files in target/edi-inbox: a settled 850 becomes an order, a file of another sender than the folder's is rejected. */
class EdiInboxTest extends IntegrationTest {

    @Autowired
    private EdiInbox inbox;

    @Test
    void aSettledFileBecomesAnOrderAndIsFiledWithItsAcknowledgement() throws Exception {
        Path hudson = Files.createDirectories(inbox.folder("HUDSON"));
        String po = "PO-IN-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        Path file = settled(hudson.resolve("po-" + po + ".x12"), hudson(po));
        Path fresh = hudson.resolve("fresh-" + po + ".x12");
        Files.writeString(fresh, hudson("PO-FRESH-" + po.substring(6)), StandardCharsets.US_ASCII);

        List<EdiInbox.Outcome> outcomes = inbox.poll();

        EdiInbox.Outcome outcome = outcomes.stream().filter(o -> o.file().getFileName().toString().equals(file.getFileName().toString()))
                .findFirst().orElseThrow(() -> new AssertionError(outcomes.toString()));
        assertThat(outcome.status()).as(outcome.toString()).isEqualTo(EdiInbox.PROCESSED);
        assertThat(Files.exists(file)).isFalse();
        assertThat(hudson.resolve("processed").resolve(file.getFileName())).exists();
        assertThat(Files.readString(hudson.resolve("processed").resolve(file.getFileName() + ".ack"))).contains("AK5*A~");
        assertThat(fixtures.count("select count(*) from sales_order where customer_po_number = ?", po)).isEqualTo(1);
        assertThat(fixtures.count("select count(*) from edi_interchange where received_by = 'inbox:HUDSON'")).isPositive();
        assertThat(fresh).as("still being written, maybe: left alone").exists();
    }

    @Test
    void aFileFromAnotherSenderThanTheFoldersPartnerIsRejectedWithItsReason() throws Exception {
        Path lonestar = Files.createDirectories(inbox.folder("LONESTAR"));
        Path foreign = settled(lonestar.resolve("not-ours-" + System.nanoTime() + ".x12"), hudson("PO-X-" + System.nanoTime() % 100000));
        List<EdiInbox.Outcome> outcomes = inbox.poll();
        assertThat(outcomes).anySatisfy(o -> {
            assertThat(o.status()).isEqualTo(EdiInbox.REJECTED);
            assertThat(o.reason()).contains("trading partner HUDSON's, not LONESTAR's");
        });
        assertThat(lonestar.resolve("rejected").resolve(foreign.getFileName() + ".reason.txt")).exists();
        assertThat(foreign).doesNotExist();
    }

    private static Path settled(Path file, String x12) throws Exception {
        Files.writeString(file, x12, StandardCharsets.US_ASCII);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(30)));
        return file;
    }

    private static String hudson(String po) {
        String control = String.format("%09d", ThreadLocalRandom.current().nextInt(1, 999_999_999));
        String group = String.valueOf(Integer.parseInt(control.substring(5)));
        return "ISA*00*          *00*          *ZZ*HUDSONHOME     *ZZ*TRADEFLOW      *261202*0930*U*00401*" + control
                + "*0*P*>~\nGS*PO*HUDSONHOME*TRADEFLOW*20261202*0930*" + group + "*X*004010~\nST*850*0001~\nBEG*00*SA*" + po
                + "**20261202~\nN1*ST*HUDSON NEWARK*92*NWK01~\nPO1*1*1*EA*14.90*PE*BP*HH-CAKESTAND~\nCTT*1~\nSE*6*0001~\nGE*1*"
                + group + "~\nIEA*1*" + control + "~\n";
    }
}
